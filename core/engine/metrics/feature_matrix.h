#pragma once

#include <cstdint>
#include <vector>

namespace cgs {

// Feature vectors of a set of images, one row per image, row-major float32: for FID and KID
// the 2048 Inception pool features (cols 2048). A value type without Torch, so the
// CLI, the studio and the feature cache can hold it.
struct FeatureMatrix {
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<float> values; // rows * cols

    const float *row(std::int64_t r) const { return values.data() + r * cols; }
};

} // namespace cgs
