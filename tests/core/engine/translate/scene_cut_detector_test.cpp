#include "core/engine/translate/scene_cut_detector.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TEST(SceneCutDetector, FirstFrameAndNewSizeAreCuts) {
    SceneCutDetector cuts(0.1);
    EXPECT_TRUE(cuts.isCut(torch::zeros({1, 3, 32, 48})));
    EXPECT_EQ(cuts.lastDistance(), -1);
    EXPECT_FALSE(cuts.isCut(torch::zeros({1, 3, 32, 48})));
    EXPECT_EQ(cuts.lastDistance(), 0);
    EXPECT_TRUE(cuts.isCut(torch::zeros({1, 3, 32, 40})));
}

TEST(SceneCutDetector, DistanceIsHalfTheMeanBlockDifference) {
    SceneCutDetector cuts(0.1);
    cuts.isCut(torch::full({1, 3, 32, 32}, -1.0));
    EXPECT_TRUE(cuts.isCut(torch::full({1, 3, 32, 32}, 1.0)));
    EXPECT_DOUBLE_EQ(cuts.lastDistance(), 1.0);
    EXPECT_FALSE(cuts.isCut(torch::full({1, 3, 32, 32}, 0.9)));
    EXPECT_NEAR(cuts.lastDistance(), 0.05, 1e-6);
}

TEST(SceneCutDetector, SlowPanIsNoCutUnrelatedImageIs) {
    torch::manual_seed(3);
    // A smooth "photo": low-frequency noise upsampled, panned by 2 pixels a frame.
    const auto photo = torch::upsample_bilinear2d(torch::rand({1, 3, 12, 16}) * 2 - 1,
                                                  {120, 160}, false);
    SceneCutDetector cuts(0.1);
    for (int i = 0; i < 10; ++i) {
        const bool cut = cuts.isCut(photo.slice(3, 2 * i, 2 * i + 96).slice(2, 0, 64));
        EXPECT_EQ(cut, i == 0) << "frame " << i << " distance " << cuts.lastDistance();
    }
    const auto other =
        torch::upsample_bilinear2d(torch::rand({1, 3, 12, 16}) * 2 - 1, {64, 96}, false);
    EXPECT_TRUE(cuts.isCut(other)) << cuts.lastDistance();
}

} // namespace
} // namespace cgs
