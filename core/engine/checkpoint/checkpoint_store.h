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

// Writes <checkpointDir>/manifest.json (atomically) listing every other file of the folder with
// its size and checksum, after flushing each to disk: the last file a checkpoint writer writes.
// Throws IoError naming the file.
void writeCheckpointManifest(const std::string &checkpointDir);

// Checks a training checkpoint folder against its manifest.json (size and checksum of every
// file). Throws DamagedCheckpointError (a CheckpointError) naming the missing or damaged file.
// Reads no tensors.
void verifyCheckpointFolder(const std::string &checkpointDir);

// Checks the files `names` of a checkpoint folder against its manifest.json: what a reader of
// one generator (translate, convert, eval, the studio) verifies before loading it, so that the
// other networks and the optimizer state are not hashed (a 9-block G_A.pt, 45 MB, hashes in
// about 40 ms on one core). A file the manifest does not list is damaged; a folder without
// manifest.json is damaged when it is a training checkpoint (its state.json names
// discriminators: the manifest is written last, so the save did not finish), and is accepted
// unchecked when it is a generator-only model folder written before those got a manifest.
// Throws DamagedCheckpointError naming the file and the cause.
void verifyCheckpointFiles(const std::string &checkpointDir, const std::vector<std::string> &names);

// The checkpoint folder to read `tag` from, under `checkpointsDir`: <tag> when its files pass
// the check; otherwise the intact candidate with the most iterations among .<tag>.old (an
// interrupted swap), .<tag>.prev (the copy before the newest) and, for "latest", every
// epoch_N. `files`: the files to check (verifyCheckpointFiles); empty: every file
// (verifyCheckpointFolder). Appends one message per damaged candidate to `skipped` (file and
// cause), so that the caller can say what it fell back from. Throws CheckpointError when the
// tag does not exist at all, DamagedCheckpointError, listing what was skipped, when no
// candidate is intact.
std::string locateIntactCheckpoint(const std::string &checkpointsDir, const std::string &tag,
                                   const std::vector<std::string> &files,
                                   std::vector<std::string> &skipped);

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
