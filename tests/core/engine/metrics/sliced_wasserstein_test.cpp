#include "core/engine/metrics/sliced_wasserstein.h"

#include "core/engine/error.h"
#include "core/engine/metrics/split_mix64.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace cgs {
namespace {

// A textured test image: rectangles of random colours over a random-phase sinusoid.
Image texturedImage(std::uint64_t seed, int size) {
    SplitMix64 rng(seed);
    Image img(size, size, 3);
    const double fx = 0.1 + 0.4 * rng.uniform(), fy = 0.1 + 0.4 * rng.uniform();
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            for (int c = 0; c < 3; ++c)
                img.pixel(x, y)[c] =
                    static_cast<uint8_t>(128 + 60 * std::sin(fx * x + fy * y + 2.0 * c));
    for (int r = 0; r < 6; ++r) {
        const int x0 = static_cast<int>(rng.below(size - 8)), y0 = static_cast<int>(rng.below(size - 8));
        const int w = 4 + static_cast<int>(rng.below(size / 3)), h = 4 + static_cast<int>(rng.below(size / 3));
        const uint8_t colour[3] = {static_cast<uint8_t>(rng.below(256)), static_cast<uint8_t>(rng.below(256)),
                                   static_cast<uint8_t>(rng.below(256))};
        for (int y = y0; y < std::min(size, y0 + h); ++y)
            for (int x = x0; x < std::min(size, x0 + w); ++x)
                std::copy(colour, colour + 3, img.pixel(x, y));
    }
    return img;
}

// Box blur of radius `level` then uniform noise of +-8 * level (seeded): degradation level.
Image degraded(const Image &in, int level, std::uint64_t seed) {
    Image out = in;
    SplitMix64 rng(seed);
    for (int y = 0; y < in.height; ++y)
        for (int x = 0; x < in.width; ++x)
            for (int c = 0; c < 3; ++c) {
                int sum = 0, count = 0;
                for (int dy = -level; dy <= level; ++dy)
                    for (int dx = -level; dx <= level; ++dx) {
                        const int xx = std::clamp(x + dx, 0, in.width - 1);
                        const int yy = std::clamp(y + dy, 0, in.height - 1);
                        sum += in.pixel(xx, yy)[c];
                        ++count;
                    }
                const double noise = (2 * rng.uniform() - 1) * 8.0 * level;
                out.pixel(x, y)[c] =
                    static_cast<uint8_t>(std::clamp(sum / double(count) + noise, 0.0, 255.0));
            }
    return out;
}

SwdOptions smallOptions() {
    SwdOptions o;
    o.resolution = 64; // levels 64, 32, 16
    o.seed = 3;
    return o;
}

SwdDescriptors descriptorsOf(const std::vector<Image> &images) {
    SwdDescriptors d(smallOptions());
    for (const Image &img : images)
        d.add(img);
    return d;
}

TEST(SlicedWasserstein, GrowsWithBlurAndNoise) {
    std::vector<Image> clean;
    for (int i = 0; i < 12; ++i)
        clean.push_back(texturedImage(100 + i, 64));
    const SwdDescriptors reference = descriptorsOf(clean);
    std::vector<double> distances;
    for (int level = 1; level <= 5; ++level) {
        std::vector<Image> worse;
        for (size_t i = 0; i < clean.size(); ++i)
            worse.push_back(degraded(clean[i], level, 1000 + i));
        const SwdResult r = slicedWassersteinDistance(reference, descriptorsOf(worse));
        EXPECT_EQ(r.perLevel.size(), 3u);
        distances.push_back(r.mean);
    }
    for (size_t i = 1; i < distances.size(); ++i)
        EXPECT_GT(distances[i], distances[i - 1]) << "level " << i + 1;
    EXPECT_GT(distances.front(), 0.0);
}

TEST(SlicedWasserstein, IsZeroForIdenticalSets) {
    std::vector<Image> images;
    for (int i = 0; i < 4; ++i)
        images.push_back(texturedImage(7 + i, 64));
    const SwdResult r = slicedWassersteinDistance(descriptorsOf(images), descriptorsOf(images));
    EXPECT_EQ(r.mean, 0.0);
}

TEST(SlicedWasserstein, HandlesOtherSizesAndUnequalCounts) {
    std::vector<Image> a, b;
    for (int i = 0; i < 3; ++i)
        a.push_back(texturedImage(20 + i, 80));
    for (int i = 0; i < 5; ++i)
        b.push_back(texturedImage(40 + i, 50));
    Image grey(70, 60, 1);
    for (size_t i = 0; i < grey.data.size(); ++i)
        grey.data[i] = static_cast<uint8_t>((i * 13) % 256);
    b.push_back(grey);
    const SwdResult r = slicedWassersteinDistance(descriptorsOf(a), descriptorsOf(b));
    EXPECT_TRUE(std::isfinite(r.mean));
    EXPECT_GT(r.mean, 0.0);
}

TEST(SlicedWasserstein, RefusesEmptySetsAndBadOptions) {
    EXPECT_THROW(slicedWassersteinDistance(SwdDescriptors(smallOptions()), SwdDescriptors(smallOptions())),
                 ConfigError);
    SwdOptions bad = smallOptions();
    bad.resolution = 8;
    EXPECT_THROW(SwdDescriptors{bad}, ConfigError);
}

} // namespace
} // namespace cgs
