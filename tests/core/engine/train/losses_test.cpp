#include "core/engine/train/losses.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cgs {
namespace {

TEST(GanLoss, LsganIsMeanSquaredDistanceToLabel) {
    const auto pred = torch::tensor({0.0f, 0.5f, 1.0f, 2.0f});
    // real: (1 + 0.25 + 0 + 1) / 4; fake: (0 + 0.25 + 1 + 4) / 4
    EXPECT_NEAR(ganLoss(pred, true, GanMode::LSGAN).item<double>(), 2.25 / 4, 1e-6);
    EXPECT_NEAR(ganLoss(pred, false, GanMode::LSGAN).item<double>(), 5.25 / 4, 1e-6);
}

TEST(GanLoss, VanillaIsBinaryCrossEntropyWithLogits) {
    const auto pred = torch::tensor({0.0f, 2.0f});
    const double real = (std::log(2.0) + std::log(1 + std::exp(-2.0))) / 2;
    const double fake = (std::log(2.0) + std::log(1 + std::exp(2.0))) / 2;
    EXPECT_NEAR(ganLoss(pred, true, GanMode::Vanilla).item<double>(), real, 1e-6);
    EXPECT_NEAR(ganLoss(pred, false, GanMode::Vanilla).item<double>(), fake, 1e-6);
}

TEST(L1Loss, IsMeanAbsoluteDifference) {
    const auto a = torch::tensor({1.0f, -1.0f, 0.5f});
    const auto b = torch::tensor({0.0f, 1.0f, 0.5f});
    EXPECT_NEAR(l1Loss(a, b).item<double>(), 1.0, 1e-6);
}

} // namespace
} // namespace cgs
