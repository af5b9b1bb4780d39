#include "core/engine/metrics/frechet_distance.h"

#include "core/engine/error.h"
#include "core/engine/metrics/feature_tensor.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace cgs {
namespace {

// Sum of the square roots of the non-negative eigenvalues of a symmetric PSD matrix, with
// eigenvalues under n * eps * max|eigenvalue| counted as 0 (rounding noise, see the header).
double traceOfSquareRoot(const torch::Tensor &symmetric) {
    torch::Tensor values = torch::linalg_eigvalsh(symmetric);
    const double largest = values.abs().max().item<double>();
    const double floor = symmetric.size(0) * 2.220446049250313e-16 * largest;
    return values.masked_fill(values < floor, 0.0).sqrt().sum().item<double>();
}

// S^1/2 of a symmetric PSD matrix through its eigendecomposition (negative noise clamped to 0).
torch::Tensor symmetricSquareRoot(const torch::Tensor &symmetric) {
    auto [values, vectors] = torch::linalg_eigh(symmetric);
    return torch::matmul(vectors * values.clamp_min(0.0).sqrt().unsqueeze(0), vectors.t());
}

double fidFromStatistics(const torch::Tensor &mu1, const torch::Tensor &sigma1,
                         const torch::Tensor &mu2, const torch::Tensor &sigma2) {
    const torch::Tensor diff = mu1 - mu2;
    const torch::Tensor root1 = symmetricSquareRoot(sigma1);
    torch::Tensor product = torch::matmul(torch::matmul(root1, sigma2), root1);
    product = (product + product.t()) * 0.5; // symmetric up to rounding; make it exactly so
    const double traceCovMean = traceOfSquareRoot(product);
    return diff.dot(diff).item<double>() + sigma1.trace().item<double>() +
           sigma2.trace().item<double>() - 2.0 * traceCovMean;
}

// With fewer images than features (the usual test folder), X1 and X2 the centred rows: S1 S2 =
// X1^T X1 X2^T X2 / ((n1 - 1)(n2 - 1)) has the non-zero eigenvalues of C C^T, C = X2 X1^T /
// sqrt((n1 - 1)(n2 - 1)), so Tr((S1 S2)^1/2) is the sum of C's singular values: an n2 x n1 SVD
// instead of d x d eigendecompositions, and no square roots of rounding noise.
double fidFromRows(const torch::Tensor &x, const torch::Tensor &y) {
    const torch::Tensor xc = x - x.mean(0), yc = y - y.mean(0);
    const double n1 = static_cast<double>(x.size(0) - 1), n2 = static_cast<double>(y.size(0) - 1);
    const torch::Tensor diff = x.mean(0) - y.mean(0);
    const double traceCovMean =
        torch::linalg_svdvals(torch::matmul(yc, xc.t())).sum().item<double>() / std::sqrt(n1 * n2);
    return diff.dot(diff).item<double>() + xc.square().sum().item<double>() / n1 +
           yc.square().sum().item<double>() / n2 - 2.0 * traceCovMean;
}

} // namespace

double frechetDistance(const FeatureMatrix &a, const FeatureMatrix &b) {
    if (a.cols != b.cols || a.cols < 1)
        throw ConfigError("FID needs feature sets of the same width, not " +
                          std::to_string(a.cols) + " and " + std::to_string(b.cols));
    if (a.rows < 2 || b.rows < 2)
        throw ConfigError("FID needs at least 2 images in each set, not " +
                          std::to_string(a.rows) + " and " + std::to_string(b.rows));
    torch::NoGradGuard noGrad;
    const torch::Tensor x = featureTensor(a), y = featureTensor(b);
    if (std::min(a.rows, b.rows) <= a.cols) {
        const double fid = fidFromRows(x, y);
        if (std::isfinite(fid))
            return fid;
    }
    const torch::Tensor mu1 = x.mean(0), mu2 = y.mean(0);
    const torch::Tensor sigma1 = torch::cov(x.t()), sigma2 = torch::cov(y.t());
    double fid = fidFromStatistics(mu1, sigma1, mu2, sigma2);
    if (!std::isfinite(fid)) {
        // pytorch-fid: "fid calculation produces singular product; adding 1e-06 to diagonal"
        const torch::Tensor offset = torch::eye(a.cols, torch::kFloat64) * 1e-6;
        fid = fidFromStatistics(mu1, sigma1 + offset, mu2, sigma2 + offset);
    }
    if (!std::isfinite(fid))
        throw TrainingError("FID is not finite: the features hold NaN or Inf values");
    return fid;
}

} // namespace cgs
