#include "core/engine/nn/nlayer_discriminator.h"

#include <algorithm>

namespace cgs {
namespace {

namespace nn = torch::nn;

nn::Conv2d conv4(int64_t in, int64_t out, int64_t stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(stride).padding(1).bias(true));
}

nn::LeakyReLU leaky() {
    return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2).inplace(true));
}

nn::InstanceNorm2d instanceNorm(int64_t channels) {
    return nn::InstanceNorm2d(
        nn::InstanceNorm2dOptions(channels).affine(false).track_running_stats(false));
}

} // namespace

NLayerDiscriminatorImpl::NLayerDiscriminatorImpl(const NLayerDiscriminatorOptions &options)
    : m_options(options) {
    TORCH_CHECK(options.n_layers() >= 1, "n_layers must be >= 1, got ", options.n_layers());
    const int64_t ndf = options.ndf();
    nn::Sequential seq;
    seq->push_back(conv4(options.input_nc(), ndf, 2));
    seq->push_back(leaky());
    int64_t mult = 1;
    for (int64_t n = 1; n < options.n_layers(); ++n) {
        const int64_t prev = mult;
        mult = std::min<int64_t>(int64_t(1) << n, 8);
        seq->push_back(conv4(ndf * prev, ndf * mult, 2));
        seq->push_back(instanceNorm(ndf * mult));
        seq->push_back(leaky());
    }
    const int64_t prev = mult;
    mult = std::min<int64_t>(int64_t(1) << options.n_layers(), 8);
    seq->push_back(conv4(ndf * prev, ndf * mult, 1));
    seq->push_back(instanceNorm(ndf * mult));
    seq->push_back(leaky());
    seq->push_back(conv4(ndf * mult, 1, 1));
    model = register_module("model", seq);
}

torch::Tensor NLayerDiscriminatorImpl::forward(const torch::Tensor &x) { return model->forward(x); }

} // namespace cgs
