#include "core/engine/train/image_pool.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

torch::Tensor imageWithValue(float v) { return torch::full({1, 1, 2, 2}, v); }

TEST(ImagePool, ReturnsInputsUntilFull) {
    ImagePool pool(3);
    for (int i = 0; i < 3; ++i) {
        const auto out = pool.query(imageWithValue(static_cast<float>(i)));
        EXPECT_EQ(out[0][0][0][0].item<float>(), static_cast<float>(i));
    }
    EXPECT_EQ(pool.count(), 3);
}

TEST(ImagePool, AfterFullReturnsStoredImagesAboutHalfTheTime) {
    torch::manual_seed(0);
    ImagePool pool(5);
    for (int i = 0; i < 5; ++i)
        pool.query(imageWithValue(-1.0f - i));
    int fromPool = 0;
    const int n = 2000;
    for (int i = 0; i < n; ++i) {
        const float v = 1000.0f + i;
        const auto out = pool.query(imageWithValue(v));
        if (out[0][0][0][0].item<float>() != v)
            ++fromPool;
        EXPECT_EQ(pool.count(), 5);
    }
    EXPECT_NEAR(fromPool / double(n), 0.5, 0.05);
}

TEST(ImagePool, SwappedImageIsStored) {
    torch::manual_seed(3);
    ImagePool pool(1);
    pool.query(imageWithValue(7.0f));
    // With pool size 1, a swap returns 7 and stores the new value, which a later swap returns.
    float stored = 7.0f;
    for (int i = 0; i < 50; ++i) {
        const auto out = pool.query(imageWithValue(static_cast<float>(i)));
        const float got = out[0][0][0][0].item<float>();
        if (got != static_cast<float>(i)) {
            EXPECT_EQ(got, stored);
            stored = static_cast<float>(i);
        }
    }
}

TEST(ImagePool, SizeZeroPassesThrough) {
    ImagePool pool(0);
    const auto in = torch::rand({3, 3, 4, 4});
    EXPECT_TRUE(torch::equal(pool.query(in), in));
    EXPECT_EQ(pool.count(), 0);
}

TEST(ImagePool, StateRoundTrips) {
    ImagePool pool(4), copy(4);
    for (int i = 0; i < 3; ++i)
        pool.query(imageWithValue(static_cast<float>(i)));
    copy.loadState(pool.state(), torch::kCPU);
    EXPECT_EQ(copy.count(), 3);
    EXPECT_TRUE(torch::equal(copy.state(), pool.state()));
}

} // namespace
} // namespace cgs
