#include "core/engine/translate/tile_plan.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace cgs {
namespace {

TEST(TilePlan, OneTileWhenItFits) {
    const TilePlan plan(300, 1024, 32);
    ASSERT_EQ(plan.count(), 1);
    EXPECT_EQ(plan.start(0), 0);
    EXPECT_EQ(plan.length(0), 300);
    for (float w : plan.weights(0))
        EXPECT_FLOAT_EQ(w, 1.0f);
}

TEST(TilePlan, CoversAxisWithRequestedOverlap) {
    for (auto [axis, tile, overlap] : std::vector<std::tuple<int, int, int>>{
             {6000, 1024, 32}, {1025, 1024, 32}, {301, 64, 16}, {100, 8, 4}, {97, 10, 0}}) {
        const TilePlan plan(axis, tile, overlap);
        EXPECT_EQ(plan.start(0), 0);
        EXPECT_EQ(plan.start(plan.count() - 1) + plan.length(plan.count() - 1), axis) << axis;
        EXPECT_LE(plan.length(plan.count() - 1), tile + 3);
        for (int i = 1; i < plan.count(); ++i) {
            EXPECT_EQ(plan.start(i) % 4, 0) << "tiles stay on the generator's 4-pixel grid";
            EXPECT_GT(plan.start(i), plan.start(i - 1));
            EXPECT_GE(plan.start(i - 1) + tile - plan.start(i), overlap)
                << "axis " << axis << " tile " << i;
        }
    }
}

TEST(TilePlan, WeightsSumToOneEverywhere) {
    for (auto [axis, tile, overlap] : std::vector<std::tuple<int, int, int>>{
             {6000, 1024, 32}, {1025, 1024, 32}, {301, 64, 16}, {100, 8, 4}, {97, 10, 0}}) {
        const TilePlan plan(axis, tile, overlap);
        std::vector<double> sum(axis, 0.0);
        for (int i = 0; i < plan.count(); ++i) {
            const auto w = plan.weights(i);
            ASSERT_EQ(static_cast<int>(w.size()), plan.length(i));
            for (int k = 0; k < plan.length(i); ++k) {
                EXPECT_GT(w[k], 0.0f);
                sum[plan.start(i) + k] += w[k];
            }
        }
        for (int x = 0; x < axis; ++x)
            ASSERT_NEAR(sum[x], 1.0, 1e-5) << "axis " << axis << " pixel " << x;
    }
}

TEST(TilePlan, WeightsRampLinearlyAcrossOverlap) {
    const TilePlan plan(200, 120, 40);
    ASSERT_EQ(plan.count(), 2);
    const auto w0 = plan.weights(0), w1 = plan.weights(1);
    const int overlapStart = static_cast<int>(plan.start(1));
    const int overlap = 120 - overlapStart;
    EXPECT_FLOAT_EQ(w0[0], 1.0f); // the image border is not a tile edge
    EXPECT_LT(w0[119], 0.05f);    // the tile edge counts least
    EXPECT_LT(w1[0], 0.05f);
    for (int k = 1; k < overlap; ++k)
        EXPECT_NEAR(w1[k] - w1[k - 1], 1.0 / overlap, 1e-5);
}

TEST(TilePlan, RejectsBadArguments) {
    EXPECT_THROW(TilePlan(0, 10, 2), std::invalid_argument);
    EXPECT_THROW(TilePlan(10, 0, 2), std::invalid_argument);
    EXPECT_THROW(TilePlan(10, 4, -1), std::invalid_argument);
}

} // namespace
} // namespace cgs
