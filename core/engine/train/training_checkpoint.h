#pragma once

#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/train/cycle_gan_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// Writes and reads complete training checkpoints (docs/ARCHITECTURE.md): the four networks, both
// optimizers, both image pools, the RNG states and the counters.
//
// save() builds the folder under a temporary name, flushes every file, writes manifest.json
// (size + checksum of each file) last and only then swaps it in for <checkpointsDir>/<tag>;
// a crash or kill at any moment leaves the previous <tag> loadable. load() verifies the
// manifest. The copy that a save replaces is kept as .<tag>.prev, so that when the newest
// <tag> is damaged locateIntact() can fall back to the previous good checkpoint. Both throw
// CheckpointError / IoError naming the folder and the cause: save() throws IoError only
// when a file could not be written (disk full, permissions: the errno cause), and
// CheckpointError when the state itself could not be serialized; either way the message
// says whether the previous <tag> is kept, and the model is left as it was (nothing lost).
// Image pools may hold images of several sizes.
class TrainingCheckpoint {
public:
    // `otherRanks`: in a multi-process run (rank 0 saves), the rankState() of ranks 1..N-1,
    // written as rank_0001.pt, ...; a checkpoint of N ranks holds N - 1 of them.
    static std::string save(const std::string &checkpointsDir, const std::string &tag,
                            CycleGanModel &model, const TrainingCounters &counters,
                            const std::vector<std::string> &otherRanks = {});
    static TrainingCounters load(const std::string &checkpointDir, CycleGanModel &model);

    // True when `checkpointsDir` holds a checkpoint folder (any tag, backups included) that
    // was completely written (has its manifest.json), intact or not.
    static bool holdsAny(const std::string &checkpointsDir);

    // Checks manifest.json against the files; throws CheckpointError naming the bad file.
    static void verify(const std::string &checkpointDir);

    // The folder to load for `tag`: <dir>/<tag>, or its intact backup after an interrupted
    // swap. Throws CheckpointError when neither exists.
    static std::string locate(const std::string &checkpointsDir, const std::string &tag);

    // The checkpoint to resume `tag` from: <dir>/<tag> when it passes verify(); otherwise the
    // intact candidate with the most iterations among .<tag>.old (interrupted swap),
    // .<tag>.prev (the copy before the newest) and, for "latest", every epoch_N. Appends one
    // message per damaged candidate to `skipped` (file and cause). Throws CheckpointError,
    // listing what was skipped, when no candidate is intact.
    static std::string locateIntact(const std::string &checkpointsDir, const std::string &tag,
                                    std::vector<std::string> &skipped);

    // Multi-process runs: the part of a checkpoint that differs between ranks (both image
    // pools and the CPU random state; the networks, optimizers and counters are the same on
    // every rank), as bytes in the format of state.pt, and back.
    static std::string rankState(CycleGanModel &model);
    static void loadRankState(const std::string &bytes, CycleGanModel &model);
    // The ranks of the run that wrote a checkpoint (1 + its rank_NNNN.pt files).
    static int worldSize(const std::string &checkpointDir);
    // Reads rank `rank` (>= 1) of a checkpoint into `model`; throws CheckpointError.
    static void loadRank(const std::string &checkpointDir, int rank, CycleGanModel &model);
};

} // namespace cgs
