#pragma once

#include "core/engine/cycle_gan_model.h"

#include <cstdint>
#include <string>

namespace cgs {

// Where a run stands: what an exact resume needs besides the tensors.
struct TrainingCounters {
    int epoch = 1;                   // epoch in progress (1-based, counts from epoch_count)
    std::int64_t epochIteration = 0; // steps done in that epoch
    std::int64_t iteration = 0;      // steps done in the whole run
    std::uint64_t seed = 0;
};

// Writes and reads complete training checkpoints (DESIGN §4): the four networks, both
// optimizers, both image pools, the RNG states and the counters.
//
// save() builds the folder under a temporary name, flushes every file, writes manifest.json
// (size + checksum of each file) last and only then swaps it in for <checkpointsDir>/<tag>;
// a crash or kill at any moment leaves the previous <tag> loadable. load() verifies the
// manifest and, when <tag> is damaged or missing after an interrupted swap, falls back to the
// previous copy. Both throw CheckpointError / IoError naming the folder and the cause.
class TrainingCheckpoint {
public:
    static std::string save(const std::string &checkpointsDir, const std::string &tag,
                            CycleGanModel &model, const TrainingCounters &counters);
    static TrainingCounters load(const std::string &checkpointDir, CycleGanModel &model);

    // Checks manifest.json against the files; throws CheckpointError naming the bad file.
    static void verify(const std::string &checkpointDir);

    // The folder to load for `tag`: <dir>/<tag>, or its intact backup after an interrupted
    // swap. Throws CheckpointError when neither exists.
    static std::string locate(const std::string &checkpointsDir, const std::string &tag);
};

} // namespace cgs
