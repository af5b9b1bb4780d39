#include "core/engine/nn/resnet_generator.h"

namespace cgs {
namespace {

namespace nn = torch::nn;

// InstanceNorm as in the official code: no affine parameters, no running statistics.
nn::InstanceNorm2d instanceNorm(int64_t channels) {
    return nn::InstanceNorm2d(
        nn::InstanceNorm2dOptions(channels).affine(false).track_running_stats(false));
}

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = 0) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(true));
}

} // namespace

ResnetBlockImpl::ResnetBlockImpl(int64_t dim) {
    conv_block = register_module(
        "conv_block",
        nn::Sequential(nn::ReflectionPad2d(1), conv(dim, dim, 3), instanceNorm(dim),
                       nn::ReLU(nn::ReLUOptions(true)), nn::ReflectionPad2d(1), conv(dim, dim, 3),
                       instanceNorm(dim)));
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor &x) { return x + conv_block->forward(x); }

ResnetGeneratorImpl::ResnetGeneratorImpl(const ResnetGeneratorOptions &options)
    : m_options(options) {
    TORCH_CHECK(options.n_blocks() >= 0, "n_blocks must be >= 0, got ", options.n_blocks());
    TORCH_CHECK(options.ngf() > 0, "ngf must be > 0, got ", options.ngf());
    const int64_t ngf = options.ngf();
    nn::Sequential seq;
    // Indices matter: they are the official state_dict keys (official_weights.h).
    seq->push_back(nn::ReflectionPad2d(3));
    seq->push_back(conv(options.input_nc(), ngf, 7));
    seq->push_back(instanceNorm(ngf));
    seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
    for (int64_t i = 0; i < 2; ++i) { // downsampling
        const int64_t mult = int64_t(1) << i;
        seq->push_back(conv(ngf * mult, ngf * mult * 2, 3, 2, 1));
        seq->push_back(instanceNorm(ngf * mult * 2));
        seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
    }
    for (int64_t i = 0; i < options.n_blocks(); ++i)
        seq->push_back(ResnetBlock(ngf * 4));
    for (int64_t i = 0; i < 2; ++i) { // upsampling
        const int64_t mult = int64_t(1) << (2 - i);
        seq->push_back(nn::ConvTranspose2d(nn::ConvTranspose2dOptions(ngf * mult, ngf * mult / 2, 3)
                                               .stride(2)
                                               .padding(1)
                                               .output_padding(1)
                                               .bias(true)));
        seq->push_back(instanceNorm(ngf * mult / 2));
        seq->push_back(nn::ReLU(nn::ReLUOptions(true)));
    }
    seq->push_back(nn::ReflectionPad2d(3));
    seq->push_back(conv(ngf, options.output_nc(), 7));
    seq->push_back(nn::Tanh());
    model = register_module("model", seq);
}

torch::Tensor ResnetGeneratorImpl::forward(const torch::Tensor &x) { return model->forward(x); }

} // namespace cgs
