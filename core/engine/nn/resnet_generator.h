#pragma once

#include <torch/torch.h>

namespace cgs {

// Options of the official ResnetGenerator (networks.py), without dropout (CycleGAN's default).
struct ResnetGeneratorOptions {
    ResnetGeneratorOptions(int64_t inputNc = 3, int64_t outputNc = 3)
        : input_nc_(inputNc), output_nc_(outputNc) {}
    // Channels of the input image.
    TORCH_ARG(int64_t, input_nc);
    // Channels of the output image.
    TORCH_ARG(int64_t, output_nc);
    // Filters of the first convolution; the bottleneck has 4 * ngf.
    TORCH_ARG(int64_t, ngf) = 64;
    // Residual blocks at the bottleneck: 9 (256 px training) or 6 (128 px).
    TORCH_ARG(int64_t, n_blocks) = 9;
};

// One residual block: x + [ReflPad1, Conv3x3, IN, ReLU, ReflPad1, Conv3x3, IN](x).
// Its Sequential is registered as "conv_block", so parameter names match the official
// `conv_block.1.weight` and `conv_block.5.weight`.
class ResnetBlockImpl : public torch::nn::Module {
public:
    explicit ResnetBlockImpl(int64_t dim);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Sequential conv_block;
};
TORCH_MODULE(ResnetBlock);

// The CycleGAN generator G: A -> B (or F: B -> A). All layers live in one Sequential named
// "model" with the official indices, so state_dict keys are the official ones
// (model.1.weight, model.10.conv_block.1.weight, ..., model.26.bias for 9 blocks).
// Keeps H x W for inputs whose sides are multiples of 4; output in [-1, 1] (tanh).
class ResnetGeneratorImpl : public torch::nn::Module {
public:
    explicit ResnetGeneratorImpl(const ResnetGeneratorOptions &options = {});
    torch::Tensor forward(const torch::Tensor &x);
    const ResnetGeneratorOptions &options() const { return m_options; }

    torch::nn::Sequential model;

private:
    ResnetGeneratorOptions m_options;
};
TORCH_MODULE(ResnetGenerator);

} // namespace cgs
