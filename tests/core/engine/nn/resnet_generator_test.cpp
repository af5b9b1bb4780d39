#include "core/engine/nn/resnet_generator.h"

#include "core/engine/nn/init_weights.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

ResnetGenerator makeGenerator(int64_t blocks, int64_t ngf = 64) {
    ResnetGeneratorOptions o(3, 3);
    o.ngf(ngf).n_blocks(blocks);
    return ResnetGenerator(o);
}

TEST(ResnetGenerator, NineBlockParameterCountMatchesOfficial) {
    EXPECT_EQ(countParameters(*makeGenerator(9)), 11378179);
}

TEST(ResnetGenerator, SixBlockParameterCountMatchesOfficial) {
    EXPECT_EQ(countParameters(*makeGenerator(6)), 7837699);
}

TEST(ResnetGenerator, PreservesSpatialSizeForMultiplesOfFour) {
    torch::manual_seed(0);
    auto g = makeGenerator(2, 8);
    for (auto [h, w] : {std::pair<int64_t, int64_t>{64, 64}, {36, 52}, {8, 100}}) {
        const auto y = g->forward(torch::rand({2, 3, h, w}) * 2 - 1);
        EXPECT_EQ(y.sizes(), torch::IntArrayRef({2, 3, h, w}));
        EXPECT_LE(y.abs().max().item<float>(), 1.0f); // tanh output
    }
}

TEST(ResnetGenerator, ParameterNamesAreTheOfficialKeys) {
    auto g = makeGenerator(9);
    std::vector<std::string> names;
    for (const auto &p : g->named_parameters())
        names.push_back(p.key());
    ASSERT_EQ(names.size(), 2u * (3 + 9 * 2 + 2 + 1));
    EXPECT_EQ(names.front(), "model.1.weight");
    EXPECT_EQ(names[2], "model.4.weight");
    EXPECT_EQ(names[4], "model.7.weight");
    EXPECT_EQ(names[6], "model.10.conv_block.1.weight");
    EXPECT_EQ(names[8], "model.10.conv_block.5.weight");
    EXPECT_EQ(names[6 + 9 * 4], "model.19.weight");
    EXPECT_EQ(names[6 + 9 * 4 + 2], "model.22.weight");
    EXPECT_EQ(names.back(), "model.26.bias");
    EXPECT_TRUE(g->named_buffers().is_empty()); // InstanceNorm keeps no running stats
}

TEST(ResnetGenerator, SixBlockLastConvIsIndexTwentyThree) {
    auto g = makeGenerator(6);
    EXPECT_NE(g->named_parameters().find("model.23.weight"), nullptr);
    EXPECT_NE(g->named_parameters().find("model.16.weight"), nullptr);
    EXPECT_EQ(g->named_parameters().find("model.26.weight"), nullptr);
}

TEST(ResnetGenerator, GradientsReachEveryParameter) {
    torch::manual_seed(1);
    auto g = makeGenerator(1, 4);
    g->forward(torch::rand({1, 3, 16, 16})).mean().backward();
    for (const auto &p : g->named_parameters()) {
        ASSERT_TRUE(p.value().grad().defined()) << p.key();
        EXPECT_GT(p.value().grad().abs().sum().item<double>(), 0.0) << p.key();
    }
}

TEST(InitWeights, NormalInitHasTheOfficialStatistics) {
    torch::manual_seed(2);
    auto g = makeGenerator(9);
    initWeights(*g, "normal", 0.02);
    const auto w = g->named_parameters()["model.10.conv_block.1.weight"];
    EXPECT_NEAR(w.mean().item<double>(), 0.0, 1e-3);
    EXPECT_NEAR(w.std().item<double>(), 0.02, 1e-3);
    EXPECT_EQ(g->named_parameters()["model.1.bias"].abs().sum().item<double>(), 0.0);
}

TEST(InitWeights, UnknownTypeIsAConfigError) {
    auto g = makeGenerator(1, 4);
    EXPECT_THROW(initWeights(*g, "uniformish"), std::runtime_error);
}

} // namespace
} // namespace cgs
