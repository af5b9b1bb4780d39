#pragma once

// FeatureMatrix <-> tensor, for the metric units (internal to the engine).

#include "core/engine/metrics/feature_matrix.h"

#include <torch/torch.h>

namespace cgs {

// A float64 CPU copy [rows, cols] of the matrix.
inline torch::Tensor featureTensor(const FeatureMatrix &m) {
    return torch::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols},
                            torch::kFloat32)
        .to(torch::kFloat64);
}

} // namespace cgs
