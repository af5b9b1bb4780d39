#include "core/engine/nn/input_side.h"

#include "core/engine/nn/nlayer_discriminator.h"
#include "core/engine/nn/resnet_generator.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

bool forwardWorks(torch::nn::Module &net, std::int64_t side) {
    try {
        torch::NoGradGuard noGrad;
        auto *d = net.as<NLayerDiscriminator>();
        auto *g = net.as<ResnetGenerator>();
        const auto x = torch::zeros({1, 1, side, side});
        const auto y = d ? d->forward(x) : g->forward(x);
        return y.numel() > 0;
    } catch (const c10::Error &) {
        return false;
    }
}

TEST(InputSide, DefaultPatchGanNeeds24) {
    NLayerDiscriminator d(NLayerDiscriminatorOptions(1).ndf(1).n_layers(3));
    EXPECT_EQ(minimumSquareSide(*d, 4, SideRule::AnyOutput), 24);
    EXPECT_EQ(traceSquareSide(*d, 256).outputSide, 30); // the 70x70 PatchGAN's 30x30 map
    EXPECT_EQ(traceSquareSide(*d, 24).outputSide, 1);
    // The field report's --crop_size 16: LibTorch's "Kernel size can't be greater than actual
    // input size" in the last convolution.
    const SideTrace t = traceSquareSide(*d, 16);
    EXPECT_FALSE(t.ok());
    EXPECT_NE(t.problem.find("InstanceNorm2d"), std::string::npos) << t.problem;
    EXPECT_TRUE(forwardWorks(*d, 24));
    EXPECT_FALSE(forwardWorks(*d, 16));
}

TEST(InputSide, GeneratorKeepsMultiplesOfFourFromEight) {
    ResnetGenerator g(ResnetGeneratorOptions(1, 1).ngf(1).n_blocks(2));
    EXPECT_EQ(minimumSquareSide(*g, 4, SideRule::OutputKeepsSide), 8);
    EXPECT_EQ(traceSquareSide(*g, 36).outputSide, 36);
    EXPECT_EQ(traceSquareSide(*g, 30).outputSide, 32); // not a multiple of 4: another size
    const SideTrace t = traceSquareSide(*g, 4);
    EXPECT_FALSE(t.ok());
    EXPECT_TRUE(forwardWorks(*g, 8));
    EXPECT_FALSE(forwardWorks(*g, 4));
}

// The derived minimum is what LibTorch accepts, for every discriminator depth: the boundary
// runs, and below it the walk names a layer (LibTorch itself refuses, or its instance norm
// would see a single value, which the official PyTorch code refuses).
TEST(InputSide, DerivedMinimumMatchesLibTorchForEveryDepth) {
    for (int layers = 1; layers <= 6; ++layers) {
        NLayerDiscriminator d(NLayerDiscriminatorOptions(1).ndf(1).n_layers(layers));
        const auto minimum = minimumSquareSide(*d, 4, SideRule::AnyOutput);
        ASSERT_GT(minimum, 0) << layers;
        EXPECT_TRUE(forwardWorks(*d, minimum)) << layers;
        EXPECT_FALSE(traceSquareSide(*d, minimum - 4).ok()) << layers;
        EXPECT_EQ(traceSquareSide(*d, minimum).outputSide,
                  [&] {
                      torch::NoGradGuard noGrad;
                      return d->forward(torch::zeros({1, 1, minimum, minimum})).size(2);
                  }())
            << layers;
    }
}

} // namespace
} // namespace cgs
