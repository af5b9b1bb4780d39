#pragma once

#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/direction.h"
#include "core/engine/nn/nlayer_discriminator.h"
#include "core/engine/nn/resnet_generator.h"

#include <torch/torch.h>

namespace cgs {

// The "arch" of state.json for these networks (the only place it is taken from modules):
// the generator's shape, and the discriminator's when one is given.
CheckpointArch checkpointArchOf(const ResnetGenerator &generator,
                                const NLayerDiscriminator *discriminator = nullptr);

// Loads one generator of a checkpoint folder (G_A for AToB, G_B for BToA), with the
// architecture its state.json records, onto `device`, in eval mode. The file is first checked
// against the folder's manifest.json (verifyCheckpointFiles).
// Throws DamagedCheckpointError when the file differs from its manifest entry or is no
// readable archive (truncated), CheckpointError naming the file and the cause otherwise.
ResnetGenerator loadCheckpointGenerator(const std::string &checkpointDir, Direction direction,
                                        const torch::Device &device);

// Writes a generator as a one-generator checkpoint folder that loadCheckpointGenerator and
// Translator read (state.json + G_A.pt + manifest.json, written atomically); used by `cyclegan convert`.
void saveGeneratorCheckpoint(const std::string &checkpointDir, ResnetGenerator &generator);

// Writes both generators as one model folder (state.json, G_A.pt = aToB, G_B.pt = bToA), which
// loadCheckpointGenerator and Translator read in both directions. Tensors are stored in the
// generators' current dtype (fp16 halves the files; loading converts to fp32).
// Throws IoError naming the file that cannot be written.
void saveModelFolder(const std::string &folder, ResnetGenerator &aToB, ResnetGenerator &bToA);

} // namespace cgs
