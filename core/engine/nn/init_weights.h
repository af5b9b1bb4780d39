#pragma once

#include <torch/torch.h>

#include <string>

namespace cgs {

// The official init_weights(): convolution weights from N(0, gain) ("normal"), Xavier,
// Kaiming or orthogonal; biases 0. InstanceNorm has no parameters here, so nothing else.
// Uses Torch's default generator: seed it first for reproducible weights.
// Throws ConfigError for an unknown type.
void initWeights(torch::nn::Module &module, const std::string &type = "normal", double gain = 0.02);

// Number of trainable scalars in a module.
int64_t countParameters(const torch::nn::Module &module);

} // namespace cgs
