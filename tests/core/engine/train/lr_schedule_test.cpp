#include "core/engine/train/lr_schedule.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TEST(LinearDecay, ConstantDuringTheFirstEpochs) {
    for (int e = 1; e <= 100; ++e)
        EXPECT_DOUBLE_EQ(linearDecayFactor(e, 100, 100), 1.0) << e;
}

TEST(LinearDecay, DecaysLinearlyAfterNEpochs) {
    EXPECT_DOUBLE_EQ(linearDecayFactor(101, 100, 100), 1.0 - 1.0 / 101);
    EXPECT_DOUBLE_EQ(linearDecayFactor(150, 100, 100), 1.0 - 50.0 / 101);
}

TEST(LinearDecay, LastEpochTrainsAtAPositiveRate) {
    // The official code trains epoch n_epochs + n_epochs_decay at lr 0; we do not.
    EXPECT_GT(linearDecayFactor(200, 100, 100), 0.0);
    EXPECT_NEAR(linearDecayFactor(200, 100, 100), 1.0 / 101, 1e-12);
    EXPECT_DOUBLE_EQ(linearDecayFactor(1, 0, 1), 0.5);
}

} // namespace
} // namespace cgs
