#include "core/engine/dist/distributed_sampler.h"

#include <gtest/gtest.h>

#include <map>

namespace {

TEST(DistributedSampler, OneRankIsThePlainOrder) {
    cgs::DistributedSampler s(5, 0, 1);
    EXPECT_EQ(s.samplesPerRank(), 5);
    EXPECT_EQ(s.stepsPerEpoch(2), 3);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(s.position(i), i);
}

TEST(DistributedSampler, RanksTakeStridedSlicesPaddedFromTheStart) {
    // PyTorch: 5 samples, 2 replicas -> padded order 0 1 2 3 4 0; rank 0: 0 2 4, rank 1: 1 3 0.
    cgs::DistributedSampler r0(5, 0, 2), r1(5, 1, 2);
    EXPECT_EQ(r0.samplesPerRank(), 3);
    EXPECT_EQ(r0.position(0), 0);
    EXPECT_EQ(r0.position(1), 2);
    EXPECT_EQ(r0.position(2), 4);
    EXPECT_EQ(r1.position(0), 1);
    EXPECT_EQ(r1.position(1), 3);
    EXPECT_EQ(r1.position(2), 0);
}

TEST(DistributedSampler, EveryPositionIsDrawnOncePerEpochWithoutPadding) {
    const int world = 4;
    std::map<long long, int> seen;
    for (int r = 0; r < world; ++r) {
        cgs::DistributedSampler s(12, r, world);
        for (std::int64_t i = 0; i < s.samplesPerRank(); ++i)
            ++seen[s.position(i)];
    }
    ASSERT_EQ(seen.size(), 12u);
    for (const auto &[pos, count] : seen)
        EXPECT_EQ(count, 1) << pos;
}

} // namespace
