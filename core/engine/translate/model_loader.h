#pragma once

#include "core/engine/nn/resnet_generator.h"
#include "core/engine/translate/translator.h"

#include <torch/torch.h>

#include <string>

namespace cgs {

// Finding and loading the generator a TranslatorOptions::model names, internal to the engine.
//
//   cgs::LoadedGenerator g = cgs::loadGenerator(options, torch::kCPU);   // g.net in eval mode
//
// `model` may be (as locateModel() classifies it)
//   - a run folder (has checkpoints/): uses checkpoints/<epoch>, "latest" by default;
//   - a checkpoint folder (has state.json): G_A for AToB, G_B for BToA;
//   - G_A.pt or G_B.pt inside a checkpoint folder: that generator, whatever the direction;
//   - a run folder of the official train.py (<epoch>_net_G_A.pth / _net_G_B.pth by direction)
//     or a pretrained model folder of its test.py (<epoch>_net_G.pth); epoch "latest" by
//     default, our "epoch_0005" is their "5";
//   - any other file: an official weight file (.pth, zip or legacy), direction ignored.
// Throws CheckpointError naming the path and the cause ("Model 'x' does not exist", "Run 'r'
// has no checkpoint 'epoch_0009' (it has: epoch_0005, latest)", "... not a model: ..."),
// ConfigError for an empty path, DeviceError.
struct LoadedGenerator {
    ResnetGenerator net{nullptr};
    ModelInfo info;
};

LoadedGenerator loadGenerator(const TranslatorOptions &options, const torch::Device &device);

} // namespace cgs
