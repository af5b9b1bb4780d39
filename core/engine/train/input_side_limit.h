#pragma once

#include "core/engine/train/train_options.h"

#include <string>

namespace cgs {

// The smallest images the networks of a training run accept, derived from their layers
// (nn/input_side.h) rather than written down: the generator (two stride-2 convolutions, its
// reflection paddings, sides kept only for multiples of 4) and the discriminator (n_layers_D
// stride-2 4x4 convolutions, then two stride-1 ones, all with padding 1). For the default
// --netG resnet_9blocks --netD basic it is 24: at 20x20 the discriminator's fourth
// convolution gets a 2x2 map and its instance norm a 1x1 one.
struct InputSideLimit {
    int minimumSide = 0;  // smallest side (a multiple of 4) both networks train on
    std::string networks; // "--netG resnet_9blocks with --netD basic (3 layers)"
    std::string reason;   // why `side` fails: the network and the first refusing layer
};

// Pure function of netG, netD and nLayersD (out-of-range values are clamped; validate()
// reports them). `side`: the size to explain in `reason` (0: minimumSide - 4; nothing to
// explain when it is accepted). Thread safe.
InputSideLimit inputSideLimit(const TrainOptions &options, int side = 0);

} // namespace cgs
