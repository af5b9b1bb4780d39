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
    copy.loadStoredImages(pool.storedImages(), torch::kCPU);
    EXPECT_EQ(copy.count(), 3);
    const auto a = pool.storedImages(), b = copy.storedImages();
    for (size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i], b[i]));
}

// --preprocess none / scale_width on images of several sizes: the pool stores and returns
// images of any size, as the official one (a list of tensors) does.
TEST(ImagePool, HoldsImagesOfAnySize) {
    ImagePool pool(2);
    torch::manual_seed(1);
    const auto small = torch::rand({1, 3, 40, 40}), wide = torch::rand({1, 3, 36, 48});
    EXPECT_TRUE(torch::equal(pool.query(small), small));
    EXPECT_TRUE(torch::equal(pool.query(wide), wide));
    ASSERT_EQ(pool.count(), 2);
    // Full: each query returns either its own image or a stored one, whatever its size.
    bool gotOther = false;
    for (int i = 0; i < 20; ++i) {
        const auto out = pool.query(torch::rand({1, 3, 44, 44}));
        gotOther = gotOther || out.size(2) != 44;
    }
    EXPECT_TRUE(gotOther);
    ImagePool copy(2);
    copy.loadStoredImages(pool.storedImages(), torch::kCPU);
    const auto a = pool.storedImages(), b = copy.storedImages();
    ASSERT_EQ(b.size(), 2u);
    for (size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i], b[i]));
}

} // namespace
} // namespace cgs
