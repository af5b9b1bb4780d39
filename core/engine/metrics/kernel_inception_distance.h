#pragma once

// Kernel Inception Distance (Bińkowski, Sutherland, Arbel, Gretton, "Demystifying MMD GANs",
// ICLR 2018) with torch-fidelity's formula and defaults (torch_fidelity/metric_kid.py:
// kernel_poly, mmd2 with mmd_est "unbiased", kid_features_to_metric): for `subsets` random
// subsets X of a and Y of b, each of m = min(subsetSize, rows of a, rows of b) distinct rows,
//
//   k(x, y) = (x . y / d + 1)^3
//   MMD^2_u = (sum_{i!=j} k(x_i, x_j) + sum_{i!=j} k(y_i, y_j)) / (m (m - 1))
//             - 2 sum_{i,j} k(x_i, y_j) / m^2
//
// KID = mean of the subsets' MMD^2, std = their population standard deviation (numpy.std).
// torch-fidelity draws subsets with numpy's RandomState; we draw them with SplitMix64(seed)
// (split_mix64.h): per subset, a partial Fisher-Yates shuffle of 0..rows(a)-1 (for i < m: swap
// i with i + below(rows - i)) gives X, then one of b gives Y, each from the identity order.
// Test folders usually hold far fewer than torch-fidelity's subset size 1000, hence the min().
// Computed in float64.
// Thread-safe (no shared state); runs on the CPU.

#include "core/engine/metrics/feature_matrix.h"

#include <cstdint>

namespace cgs {

struct KidOptions {
    int subsets = 100;       // torch-fidelity's kid_subsets
    int subsetSize = 1000;   // torch-fidelity's kid_subset_size (capped at the rows available)
    std::uint64_t seed = 0;  // seed of the SplitMix64 that draws the subsets
};

struct KidResult {
    double mean = 0; // KID (can be slightly negative for very similar sets)
    double std = 0;  // spread over the subsets
    int subsetSize = 0;
};

// Throws ConfigError for mismatched widths, fewer than 2 rows, or options < 1.
KidResult kernelInceptionDistance(const FeatureMatrix &a, const FeatureMatrix &b,
                                  const KidOptions &options = {});

} // namespace cgs
