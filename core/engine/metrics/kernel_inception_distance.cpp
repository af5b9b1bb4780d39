#include "core/engine/metrics/kernel_inception_distance.h"

#include "core/engine/error.h"
#include "core/engine/metrics/feature_tensor.h"
#include "core/engine/metrics/split_mix64.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace cgs {
namespace {

torch::Tensor polynomialKernel(const torch::Tensor &x, const torch::Tensor &y) {
    return (torch::matmul(x, y.t()) / static_cast<double>(x.size(1)) + 1.0).pow(3);
}

// m distinct indices of 0..n-1: the first m of a partial Fisher-Yates shuffle.
torch::Tensor drawSubset(SplitMix64 &rng, int64_t n, int64_t m) {
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int64_t i = 0; i < m; ++i)
        std::swap(order[i], order[i + static_cast<int64_t>(rng.below(n - i))]);
    return torch::tensor(std::vector<int64_t>(order.begin(), order.begin() + m));
}

// torch-fidelity's mmd2(K_XX, K_XY, K_YY) with mmd_est "unbiased".
double unbiasedMmd2(const torch::Tensor &kxx, const torch::Tensor &kxy, const torch::Tensor &kyy) {
    const double m = static_cast<double>(kxx.size(0));
    const double sumXX = kxx.sum().item<double>() - kxx.diagonal().sum().item<double>();
    const double sumYY = kyy.sum().item<double>() - kyy.diagonal().sum().item<double>();
    return (sumXX + sumYY) / (m * (m - 1)) - 2.0 * kxy.sum().item<double>() / (m * m);
}

} // namespace

KidResult kernelInceptionDistance(const FeatureMatrix &a, const FeatureMatrix &b,
                                  const KidOptions &options) {
    if (a.cols != b.cols || a.cols < 1)
        throw ConfigError("KID needs feature sets of the same width, not " +
                          std::to_string(a.cols) + " and " + std::to_string(b.cols));
    if (a.rows < 2 || b.rows < 2)
        throw ConfigError("KID needs at least 2 images in each set, not " +
                          std::to_string(a.rows) + " and " + std::to_string(b.rows));
    if (options.subsets < 1 || options.subsetSize < 2)
        throw ConfigError("KID needs at least 1 subset of at least 2 images");
    torch::NoGradGuard noGrad;
    const torch::Tensor x = featureTensor(a), y = featureTensor(b);
    // Small sets (test folders): the kernel of all pairs once, indexed by each subset. Large
    // sets: the kernel of each subset, as torch-fidelity computes it.
    const bool wholeKernels = a.rows <= 5000 && b.rows <= 5000;
    torch::Tensor kxx, kyy, kxy;
    if (wholeKernels) {
        kxx = polynomialKernel(x, x);
        kyy = polynomialKernel(y, y);
        kxy = polynomialKernel(x, y);
    }
    auto block = [&](const torch::Tensor &whole, const torch::Tensor &left,
                     const torch::Tensor &right, const torch::Tensor &i, const torch::Tensor &j) {
        if (wholeKernels)
            return whole.index({i}).index({torch::indexing::Slice(), j});
        return polynomialKernel(left.index({i}), right.index({j}));
    };
    const int64_t m = std::min<int64_t>({options.subsetSize, a.rows, b.rows});
    SplitMix64 rng(options.seed);
    std::vector<double> mmds;
    for (int s = 0; s < options.subsets; ++s) {
        const torch::Tensor i = drawSubset(rng, a.rows, m);
        const torch::Tensor j = drawSubset(rng, b.rows, m);
        mmds.push_back(unbiasedMmd2(block(kxx, x, x, i, i), block(kxy, x, y, i, j),
                                    block(kyy, y, y, j, j)));
    }
    KidResult result;
    result.subsetSize = static_cast<int>(m);
    result.mean = std::accumulate(mmds.begin(), mmds.end(), 0.0) / mmds.size();
    double squares = 0;
    for (double v : mmds)
        squares += (v - result.mean) * (v - result.mean);
    result.std = std::sqrt(squares / mmds.size());
    return result;
}

} // namespace cgs
