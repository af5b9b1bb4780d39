#include "core/engine/train/input_side_limit.h"

#include "core/engine/nn/input_side.h"
#include "core/engine/nn/nlayer_discriminator.h"
#include "core/engine/nn/resnet_generator.h"
#include "core/engine/torch_compat.h"

#include <algorithm>

namespace cgs {

namespace {

// Builds the networks without touching Torch's random state: validating options must not
// change what a seeded run draws afterwards.
struct Networks {
    ResnetGenerator generator{nullptr};
    NLayerDiscriminator discriminator{nullptr};
    Networks(int blocks, int layers) {
        const torch::Tensor rng = compat::cpuRngState();
        // Channels do not change sizes: the smallest networks of the same structure suffice.
        generator = ResnetGenerator(ResnetGeneratorOptions(1, 1).ngf(1).n_blocks(blocks));
        discriminator = NLayerDiscriminator(NLayerDiscriminatorOptions(1).ndf(1).n_layers(layers));
        compat::setCpuRngState(rng);
    }
};

} // namespace

InputSideLimit inputSideLimit(const TrainOptions &options, int side) {
    const int layers = options.netD == "basic" ? 3 : std::clamp(options.nLayersD, 1, 6);
    const Networks nets(options.nBlocks(), layers);
    const ResnetGenerator &generator = nets.generator;
    const NLayerDiscriminator &discriminator = nets.discriminator;
    const auto minG = minimumSquareSide(*generator, 4, SideRule::OutputKeepsSide);
    const auto minD = minimumSquareSide(*discriminator, 4, SideRule::AnyOutput);
    InputSideLimit limit;
    limit.minimumSide = static_cast<int>(std::max(minG, minD));
    limit.networks = "--netG " + options.netG + " with --netD " + options.netD + " (" +
                     std::to_string(layers) + (layers == 1 ? " layer)" : " layers)");
    const std::int64_t explain = side > 0 ? side : limit.minimumSide - 4;
    if (explain >= 1 && explain < limit.minimumSide) {
        const SideTrace d = traceSquareSide(*discriminator, explain);
        const SideTrace g = traceSquareSide(*generator, explain);
        if (!g.ok())
            limit.reason = "the generator's " + g.problem;
        else if (g.outputSide != explain)
            limit.reason = "the generator turns it into " + std::to_string(g.outputSide) + "x" +
                           std::to_string(g.outputSide) + " (sides must be multiples of 4)";
        else
            limit.reason = "the discriminator's " + d.problem;
    }
    return limit;
}

} // namespace cgs
