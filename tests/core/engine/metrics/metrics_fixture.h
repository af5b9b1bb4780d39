#pragma once

// The inputs of the metric tests, reproduced from the formulas of
// tests/fixtures/metrics/make_metrics_fixtures.py (which computed the reference values with
// pytorch-fid and torch-fidelity): the formula weights of the FID Inception, the test images,
// the synthetic feature sets. Keep both in step.

#include "core/engine/image.h"
#include "core/engine/metrics/feature_matrix.h"
#include "core/engine/metrics/split_mix64.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace cgs::test {

inline std::string metricsFixtureDir() {
    const char *root = std::getenv("CGS_SOURCE_DIR");
    return std::string(root ? root : ".") + "/tests/fixtures/metrics";
}

inline std::uint64_t fnv1a(const std::string &text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text)
        h = (h ^ c) * 0x100000001B3ULL;
    return h;
}

// The first `count` uniform() draws of SplitMix64(seed).
inline std::vector<double> uniforms(std::uint64_t seed, std::int64_t count) {
    SplitMix64 rng(seed);
    std::vector<double> u(static_cast<size_t>(count));
    for (double &v : u)
        v = rng.uniform();
    return u;
}

inline bool endsWith(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// formula_weight(key, shape) of the fixture script, as float values.
inline std::vector<float> formulaWeight(const std::string &key, const std::vector<std::int64_t> &shape) {
    std::int64_t n = 1, fanIn = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        n *= shape[i];
        if (i > 0)
            fanIn *= shape[i];
    }
    const std::vector<double> u = uniforms(fnv1a(key), n);
    std::vector<float> v(u.size());
    for (size_t i = 0; i < u.size(); ++i) {
        double x;
        if (endsWith(key, "conv.weight"))
            x = (2 * u[i] - 1) * std::sqrt(6.0 / static_cast<double>(fanIn));
        else if (endsWith(key, "bn.weight"))
            x = 1 + 0.2 * (2 * u[i] - 1);
        else if (endsWith(key, "bn.bias") || endsWith(key, "running_mean"))
            x = 0.1 * (2 * u[i] - 1);
        else if (endsWith(key, "running_var"))
            x = 1 + 0.5 * u[i];
        else
            x = 0.01 * (2 * u[i] - 1);
        v[i] = static_cast<float>(x);
    }
    return v;
}

// test_image(i) of the fixture script: RGB, sizes 64x48, 300x200, 299x299.
inline Image formulaImage(int i) {
    const int sizes[3][2] = {{64, 48}, {300, 200}, {299, 299}};
    Image img(sizes[i][0], sizes[i][1], 3);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            for (int c = 0; c < 3; ++c)
                img.pixel(x, y)[c] = static_cast<std::uint8_t>(
                    (x * (7 + i) + y * (3 + 2 * i) + 85 * c + 5 * ((x * y) % 31)) % 256);
    return img;
}

// feature_set(which, rows) of the fixture script ('a' or 'b'), 2048 columns, float32.
inline FeatureMatrix formulaFeatures(char which, std::int64_t rows, std::int64_t cols = 2048) {
    const std::vector<double> raw = uniforms(which == 'a' ? 11 : 12, rows * cols);
    FeatureMatrix m;
    m.rows = rows;
    m.cols = cols;
    m.values.resize(static_cast<size_t>(rows * cols));
    for (std::int64_t r = 0; r < rows; ++r) {
        auto u = [&](std::int64_t j) { return 2 * raw[r * cols + (j % cols)] - 1; };
        for (std::int64_t j = 0; j < cols; ++j) {
            const double v = which == 'a' ? u(j) + 0.5 * u(j + 1)
                                          : 1.1 * u(j) + 0.3 * u(j + 5) + 0.05 * (j % 7) / 7.0;
            m.values[r * cols + j] = static_cast<float>(v);
        }
    }
    return m;
}

// The first `rows` rows of m.
inline FeatureMatrix firstRows(const FeatureMatrix &m, std::int64_t rows) {
    FeatureMatrix out{rows, m.cols, {}};
    out.values.assign(m.values.begin(), m.values.begin() + rows * m.cols);
    return out;
}

} // namespace cgs::test
