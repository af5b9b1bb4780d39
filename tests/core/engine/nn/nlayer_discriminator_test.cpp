#include "core/engine/nn/nlayer_discriminator.h"

#include "core/engine/nn/init_weights.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TEST(NLayerDiscriminator, ParameterCountMatchesOfficial) {
    EXPECT_EQ(countParameters(*NLayerDiscriminator(NLayerDiscriminatorOptions(3))), 2764737);
}

TEST(NLayerDiscriminator, Gives30x30MapFor256Input) {
    NLayerDiscriminator d(NLayerDiscriminatorOptions(3).ndf(8));
    const auto y = d->forward(torch::zeros({1, 3, 256, 256}));
    EXPECT_EQ(y.sizes(), torch::IntArrayRef({1, 1, 30, 30}));
}

TEST(NLayerDiscriminator, ParameterNamesAreTheOfficialKeys) {
    NLayerDiscriminator d(NLayerDiscriminatorOptions(3));
    std::vector<std::string> names;
    for (const auto &p : d->named_parameters())
        if (p.key().find("weight") != std::string::npos)
            names.push_back(p.key());
    EXPECT_EQ(names, (std::vector<std::string>{"model.0.weight", "model.2.weight", "model.5.weight",
                                               "model.8.weight", "model.11.weight"}));
}

} // namespace
} // namespace cgs
