#pragma once

#include <torch/torch.h>

namespace cgs {

struct NLayerDiscriminatorOptions {
    NLayerDiscriminatorOptions(int64_t inputNc = 3) : input_nc_(inputNc) {}
    // Channels of the judged image.
    TORCH_ARG(int64_t, input_nc);
    // Filters of the first convolution.
    TORCH_ARG(int64_t, ndf) = 64;
    // Stride-2 convolution layers; 3 gives the 70x70 PatchGAN.
    TORCH_ARG(int64_t, n_layers) = 3;
};

// The PatchGAN discriminator of the official code: a map of real/fake logits, 30x30 for a
// 256x256 input with 3 layers. Layers in one Sequential "model" with the official indices
// (model.0, model.2, model.5, model.8, model.11 for 3 layers).
class NLayerDiscriminatorImpl : public torch::nn::Module {
public:
    explicit NLayerDiscriminatorImpl(const NLayerDiscriminatorOptions &options = {});
    torch::Tensor forward(const torch::Tensor &x);
    const NLayerDiscriminatorOptions &options() const { return m_options; }

    torch::nn::Sequential model;

private:
    NLayerDiscriminatorOptions m_options;
};
TORCH_MODULE(NLayerDiscriminator);

} // namespace cgs
