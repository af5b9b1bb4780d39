#pragma once

#include "core/engine/checkpoint/checkpoint_manifest.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// What a checkpoint folder holds, read from its state.json without loading tensors.
struct CheckpointInfo {
    std::string tag;  // folder name: latest, epoch_0005, ...
    std::string path; // the folder
    int epoch = 0;    // epochs completed when it was written
    std::int64_t iteration = 0;
    CheckpointArch arch;
};

// Where a run folder keeps its checkpoint folders: <runDir>/checkpoints.
std::string runCheckpointsDir(const std::string &runDir);

// True when `dir` is a checkpoint folder (it has a state.json). Reads nothing else.
bool holdsCheckpoint(const std::string &dir);

// Reads and parses <checkpointDir>/state.json (parseCheckpointState). Throws CheckpointError
// naming the folder and the cause (missing, unreadable, not ours, another format version).
CheckpointState readCheckpointState(const std::string &checkpointDir);

// Checkpoint folders of a run folder (<run>/checkpoints/*), sorted by epoch then tag;
// damaged or foreign folders are left out. Throws CheckpointError if runDir has no checkpoints/.
std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir);

// Reads one checkpoint folder's state.json. Throws CheckpointError naming the folder and cause.
CheckpointInfo readCheckpointInfo(const std::string &checkpointDir);

// Checks a training checkpoint folder against its manifest.json (size and checksum of every
// file). Throws CheckpointError naming the missing or damaged file. Reads no tensors.
void verifyCheckpointFolder(const std::string &checkpointDir);

// Layout of a checkpoint folder (docs/ARCHITECTURE.md), for readers outside the trainer:
//   G_A.pt G_B.pt D_A.pt D_B.pt        torch::save of the module (keys = official keys)
//   optimizer_G.pt optimizer_D.pt      torch::save of the Adam state
//   state.pt                           image pools and RNG states (tensors)
//   state.json                         counters, architecture, versions
//   rank_0001.pt ...                   a run of N processes: ranks 1..N-1's pools and RNG
//   manifest.json                      size and checksum of every file above
inline const char *kGeneratorAFile = "G_A.pt";
inline const char *kGeneratorBFile = "G_B.pt";

} // namespace cgs
