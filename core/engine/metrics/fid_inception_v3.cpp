#include "core/engine/metrics/fid_inception_v3.h"

#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <map>

namespace cgs {
namespace {

namespace F = torch::nn::functional;

BasicConv2dOptions conv(int64_t in, int64_t out, int64_t kernel, int64_t padding = 0,
                        int64_t stride = 1) {
    return BasicConv2dOptions(in, out, kernel).padding(padding).stride(stride);
}

torch::Tensor maxPool3x3Stride2(const torch::Tensor &x) {
    return F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2));
}

bool endsWith(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Entries of the file that the feature network does not use.
bool isIgnoredKey(const std::string &key) {
    return key.rfind("fc.", 0) == 0 || key.rfind("AuxLogits.", 0) == 0 ||
           endsWith(key, "num_batches_tracked");
}

std::string shapeText(const torch::Tensor &t) {
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i)
        s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}

} // namespace

FidInceptionV3Impl::FidInceptionV3Impl()
    : Conv2d_1a_3x3(conv(3, 32, 3, 0, 2)), Conv2d_2a_3x3(conv(32, 32, 3)),
      Conv2d_2b_3x3(conv(32, 64, 3, 1)), Conv2d_3b_1x1(conv(64, 80, 1)),
      Conv2d_4a_3x3(conv(80, 192, 3)), Mixed_5b(192, 32), Mixed_5c(256, 64), Mixed_5d(288, 64),
      Mixed_6a(288), Mixed_6b(768, 128), Mixed_6c(768, 160), Mixed_6d(768, 160),
      Mixed_6e(768, 192), Mixed_7a(768), Mixed_7b(1280, InceptionEPool::AverageExcludingPadding),
      Mixed_7c(2048, InceptionEPool::Maximum) {
    register_module("Conv2d_1a_3x3", Conv2d_1a_3x3);
    register_module("Conv2d_2a_3x3", Conv2d_2a_3x3);
    register_module("Conv2d_2b_3x3", Conv2d_2b_3x3);
    register_module("Conv2d_3b_1x1", Conv2d_3b_1x1);
    register_module("Conv2d_4a_3x3", Conv2d_4a_3x3);
    register_module("Mixed_5b", Mixed_5b);
    register_module("Mixed_5c", Mixed_5c);
    register_module("Mixed_5d", Mixed_5d);
    register_module("Mixed_6a", Mixed_6a);
    register_module("Mixed_6b", Mixed_6b);
    register_module("Mixed_6c", Mixed_6c);
    register_module("Mixed_6d", Mixed_6d);
    register_module("Mixed_6e", Mixed_6e);
    register_module("Mixed_7a", Mixed_7a);
    register_module("Mixed_7b", Mixed_7b);
    register_module("Mixed_7c", Mixed_7c);
}

torch::Tensor FidInceptionV3Impl::forward(const torch::Tensor &input) {
    // pytorch-fid resizes first, then scales (resize_input, then normalize_input).
    torch::Tensor x = F::interpolate(input, F::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{299, 299})
                                                .mode(torch::kBilinear)
                                                .align_corners(false));
    x = 2 * x - 1;
    x = Conv2d_2b_3x3(Conv2d_2a_3x3(Conv2d_1a_3x3(x)));
    x = maxPool3x3Stride2(x);
    x = maxPool3x3Stride2(Conv2d_4a_3x3(Conv2d_3b_1x1(x)));
    x = Mixed_6a(Mixed_5d(Mixed_5c(Mixed_5b(x))));
    x = Mixed_7a(Mixed_6e(Mixed_6d(Mixed_6c(Mixed_6b(x)))));
    x = Mixed_7c(Mixed_7b(x));
    return F::adaptive_avg_pool2d(x, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1);
}

void loadFidInceptionWeights(FidInceptionV3 &net, const std::string &path) {
    const StateDict file = readStateDictFile(path);
    std::map<std::string, torch::Tensor> byKey;
    for (const auto &[key, tensor] : file) {
        if (!isIgnoredKey(key))
            byKey[key] = tensor;
    }
    const std::string notIt = "'" + path + "' is not pytorch-fid's Inception weight file "
                              "(pt_inception-2015-12-05-6726825d.pth): ";
    torch::NoGradGuard noGrad;
    auto copyInto = [&](const std::string &key, torch::Tensor &target) {
        auto it = byKey.find(key);
        if (it == byKey.end())
            throw CheckpointError(notIt + "it has no '" + key + "'");
        if (!it->second.sizes().equals(target.sizes()))
            throw CheckpointError(notIt + "'" + key + "' has shape " + shapeText(it->second) +
                                  ", the network needs " + shapeText(target));
        target.copy_(it->second.to(target.dtype()));
        byKey.erase(it);
    };
    for (auto &p : net->named_parameters())
        copyInto(p.key(), p.value());
    for (auto &b : net->named_buffers()) {
        if (!endsWith(b.key(), "num_batches_tracked"))
            copyInto(b.key(), b.value());
    }
    if (!byKey.empty())
        throw CheckpointError(notIt + "unexpected entry '" + byKey.begin()->first + "'");
    net->eval();
}

} // namespace cgs
