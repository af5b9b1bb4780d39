#pragma once

// Fréchet Inception Distance (Heusel et al., "GANs Trained by a Two Time-Scale Update Rule
// Converge to a Local Nash Equilibrium", NeurIPS 2017), as pytorch-fid computes it
// (src/pytorch_fid/fid_score.py, calculate_frechet_distance):
//
//   FID = |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^1/2)
//
// with mu the mean and S the unbiased covariance (numpy.cov, divisor N - 1) of each set's rows.
// pytorch-fid takes scipy.linalg.sqrtm(S1 S2) and keeps the real part; we compute the trace
// term in float64 from eigenvalues, which is what sqrtm's trace is: S1 S2 is similar to the
// symmetric positive semi-definite M = S1^1/2 S2 S1^1/2, so Tr((S1 S2)^1/2) = sum of the square
// roots of M's eigenvalues. With more images than features, M is formed through an
// eigendecomposition of S1, its eigenvalues below n * eps * max are taken as 0 (rounding noise).
// With fewer images than features (the usual test folder; the covariances are singular), the
// same trace is the sum of the singular values of X2 X1^T / sqrt((n1 - 1)(n2 - 1)) (X the
// centred rows), which is exact where square roots of rounding noise would add up to ~1e-5.
// pytorch-fid's eps rule is kept: only when the result is not finite, 1e-6 is added to both
// diagonals and it is computed again. Agreement with pytorch-fid (tests/core/engine/metrics,
// synthetic 2048-d sets): 2100 images per set 7e-15 relative, 200 images (singular) 6e-8
// relative; scipy's sqrtm of a singular product is the less exact of the two there.
// Thread-safe (no shared state); runs on the CPU.

#include "core/engine/metrics/feature_matrix.h"

namespace cgs {

// FID between the rows of `a` and of `b` (same cols, at least 2 rows each). Symmetric in a and
// b; 0 for a set against itself. Throws ConfigError for mismatched or too small sets, and
// TrainingError when the result is not finite even with pytorch-fid's eps.
double frechetDistance(const FeatureMatrix &a, const FeatureMatrix &b);

} // namespace cgs
