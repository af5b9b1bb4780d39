#include "core/engine/cycle_gan_model.h"

#include "core/engine/image_tensor.h"
#include "core/engine/synthetic_source.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions tinyOptions() {
    TrainOptions o;
    o.dataroot = "synthetic";
    o.netG = "resnet_6blocks";
    o.ngf = 8;
    o.ndf = 8;
    o.cropSize = 32;
    o.loadSize = 32;
    return o;
}

std::pair<torch::Tensor, torch::Tensor> batch() {
    SyntheticSource source(32, 1);
    source.setSeed(9);
    const TrainingPair p = source.pair(1, 0);
    return {imagesToBatch({&p.a}, torch::kCPU), imagesToBatch({&p.b}, torch::kCPU)};
}

// Runs `steps` steps from the same seeded weights and returns the last losses.
torch::Tensor lossesAfter(const TrainOptions &o, int steps) {
    torch::manual_seed(11);
    CycleGanModel model(o, torch::kCPU);
    model.initWeights();
    const auto [a, b] = batch();
    torch::Tensor losses;
    for (int i = 0; i < steps; ++i)
        losses = model.step(a, b);
    return losses;
}

TEST(CycleGanModel, StepReturnsEightFiniteLosses) {
    const auto losses = lossesAfter(tinyOptions(), 1);
    ASSERT_EQ(losses.sizes(), torch::IntArrayRef({8}));
    EXPECT_TRUE(torch::isfinite(losses).all().item<bool>());
    EXPECT_GT(losses[kLossCycleA].item<float>(), 0.0f);
}

TEST(CycleGanModel, IdentityLossesAreZeroWhenOff) {
    TrainOptions o = tinyOptions();
    o.lambdaIdentity = 0;
    const auto losses = lossesAfter(o, 1);
    EXPECT_EQ(losses[kLossIdtA].item<float>(), 0.0f);
    EXPECT_EQ(losses[kLossIdtB].item<float>(), 0.0f);
}

TEST(CycleGanModel, StepsUpdateBothGeneratorsAndDiscriminators) {
    torch::manual_seed(12);
    CycleGanModel model(tinyOptions(), torch::kCPU);
    model.initWeights();
    const auto before = model.netDB->parameters()[0].clone();
    const auto beforeG = model.netGB->parameters()[0].clone();
    const auto [a, b] = batch();
    model.step(a, b);
    EXPECT_FALSE(torch::equal(before, model.netDB->parameters()[0]));
    EXPECT_FALSE(torch::equal(beforeG, model.netGB->parameters()[0]));
}

TEST(CycleGanModel, ChannelsLastMatchesContiguous) {
    TrainOptions o = tinyOptions();
    const auto plain = lossesAfter(o, 3);
    o.channelsLast = true;
    const auto nhwc = lossesAfter(o, 3);
    EXPECT_TRUE(torch::allclose(plain, nhwc, 1e-3, 1e-4)) << plain << nhwc;
}

TEST(CycleGanModel, Bf16AutocastStaysCloseToFp32) {
    TrainOptions o = tinyOptions();
    const auto fp32 = lossesAfter(o, 1);
    o.precision = "bf16";
    const auto bf16 = lossesAfter(o, 1);
    // Same weights, one forward: bf16 keeps 8 bits of mantissa, so the losses agree to a few
    // percent, not bit for bit.
    EXPECT_TRUE(torch::allclose(fp32, bf16, 0.05, 0.01)) << fp32 << bf16;
    EXPECT_FALSE(torch::equal(fp32, bf16)) << "autocast had no effect";
}

} // namespace
} // namespace cgs
