#pragma once

#include "core/engine/train/train_options.h"

#include <torch/torch.h>

#include <string>

namespace cgs {

// Turns a c10::Error that LibTorch threw while training into the core's categories, with a
// sentence a user can act on and LibTorch's own first line as the detail:
//   out of memory                          -> DeviceError (smaller size, batch, networks)
//   CUDA / cuBLAS / cuDNN failures          -> DeviceError
//   an image too small for a layer, tensors
//   whose sizes do not fit together         -> ConfigError (the smallest side the networks
//                                             take, from input_side_limit.h)
//   anything else                           -> TrainingError naming where it happened
// `where` says what was running ("training step 12 (epoch 1)"); `sizes` the image sizes of
// that step ("A 40x40, B 48x36"), empty when unknown. Thread safe.
[[noreturn]] void rethrowTorchFailure(const c10::Error &error, const TrainOptions &options,
                                      const std::string &where, const std::string &sizes = {});

} // namespace cgs
