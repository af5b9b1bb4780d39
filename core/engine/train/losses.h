#pragma once

#include "core/engine/train/train_options.h"

#include <torch/torch.h>

namespace cgs {

// The official GANLoss: LSGAN = mean squared error to 1 (real) or 0 (fake); vanilla = binary
// cross-entropy with logits to the same targets. Returns a scalar tensor (no host sync).
torch::Tensor ganLoss(const torch::Tensor &prediction, bool targetIsReal, GanMode mode);

// Mean absolute error, as nn.L1Loss (used for the cycle and identity terms).
torch::Tensor l1Loss(const torch::Tensor &a, const torch::Tensor &b);

} // namespace cgs
