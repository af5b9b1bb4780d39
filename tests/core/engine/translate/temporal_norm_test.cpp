#include "core/engine/translate/temporal_norm.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

ResnetGenerator tinyGenerator() {
    torch::manual_seed(7);
    return ResnetGenerator(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(2));
}

TEST(TemporalNorm, FirstFrameIsThePlainForwardBitForBit) {
    auto net = tinyGenerator();
    c10::InferenceMode inference;
    const auto x = torch::rand({1, 3, 24, 32}) * 2 - 1;
    TemporalNorm norm(0.9);
    EXPECT_TRUE(torch::equal(norm.forward(*net, x, 0), net->forward(x)));
}

TEST(TemporalNorm, ZeroWeightGivesPerFrameStatistics) {
    auto net = tinyGenerator();
    c10::InferenceMode inference;
    TemporalNorm norm(0.0);
    norm.forward(*net, torch::rand({1, 3, 24, 32}), 0);
    const auto x = torch::rand({1, 3, 24, 32}) * 2 - 1;
    EXPECT_TRUE(torch::allclose(norm.forward(*net, x, 0), net->forward(x), 1e-4, 1e-5));
}

TEST(TemporalNorm, SmoothedFrameLiesBetweenItsOwnAndThePastStatistics) {
    auto net = tinyGenerator();
    c10::InferenceMode inference;
    const auto dark = torch::rand({1, 3, 24, 32}) * 0.5 - 1;
    const auto bright = dark + 1.5;
    TemporalNorm norm(0.8);
    norm.forward(*net, dark, 0);
    const auto smoothed = norm.forward(*net, bright, 0);
    const auto own = net->forward(bright);
    EXPECT_GT((smoothed - own).abs().mean().item<double>(), 1e-3);
    // The same frame again pulls the statistics further toward its own.
    const auto again = norm.forward(*net, bright, 0);
    EXPECT_LT((again - own).abs().mean().item<double>(),
              (smoothed - own).abs().mean().item<double>());
}

TEST(TemporalNorm, ResetAndNewSizeStartAfresh) {
    auto net = tinyGenerator();
    c10::InferenceMode inference;
    TemporalNorm norm(0.9);
    norm.forward(*net, torch::rand({1, 3, 24, 32}), 0);
    const auto x = torch::rand({1, 3, 24, 32});
    norm.reset();
    EXPECT_TRUE(torch::equal(norm.forward(*net, x, 0), net->forward(x)));
    const auto other = torch::rand({1, 3, 28, 32});
    EXPECT_TRUE(torch::equal(norm.forward(*net, other, 0), net->forward(other)));
}

TEST(TemporalNorm, SlotsAreIndependent) {
    auto net = tinyGenerator();
    c10::InferenceMode inference;
    TemporalNorm norm(0.9);
    norm.forward(*net, torch::rand({1, 3, 24, 32}), 0);
    const auto x = torch::rand({1, 3, 24, 32});
    EXPECT_TRUE(torch::equal(norm.forward(*net, x, 1), net->forward(x)));
}

TEST(TemporalNorm, RefusesWeightOutsideZeroToOne) {
    EXPECT_THROW(TemporalNorm(1.0), c10::Error);
    EXPECT_THROW(TemporalNorm(-0.1), c10::Error);
}

} // namespace
} // namespace cgs
