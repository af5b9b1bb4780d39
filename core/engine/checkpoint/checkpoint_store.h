#pragma once

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
    int ngf = 64, nBlocks = 9, inputNc = 3, outputNc = 3;
};

// Checkpoint folders of a run folder (<run>/checkpoints/*), sorted by epoch then tag;
// damaged or foreign folders are left out. Throws CheckpointError if runDir has no checkpoints/.
std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir);

// The epochs of an official run or model folder (files <epoch>_net_G_A.pth, <epoch>_net_G_B.pth
// or <epoch>_net_G.pth), numbers ascending, then the others ("latest") by name; empty when the
// folder holds none. Load one with TranslatorOptions{model = dir, epoch = the tag}.
std::vector<std::string> listOfficialEpochs(const std::string &dir);

// The official tag for one of ours: "latest" for "", "5" for "epoch_0005", else unchanged.
std::string officialEpochTag(const std::string &epoch);

// The weight file <dir>/<tag>_net_<name>.pth of an official folder for the first of `names`
// that exists (tag = officialEpochTag(epoch); names such as "G_A", "D_B", "G"). Throws
// CheckpointError naming the folder, the files looked for and the epochs the folder has.
std::string officialWeightFile(const std::string &dir, const std::string &epoch,
                               const std::vector<std::string> &names);

// Reads one checkpoint folder's state.json. Throws CheckpointError naming the folder and cause.
CheckpointInfo readCheckpointInfo(const std::string &checkpointDir);

// Checks a training checkpoint folder against its manifest.json (size and checksum of every
// file). Throws CheckpointError naming the missing or damaged file. Reads no tensors.
void verifyCheckpointFolder(const std::string &checkpointDir);

// Layout of a checkpoint folder (DESIGN §4), for readers outside the trainer:
//   G_A.pt G_B.pt D_A.pt D_B.pt        torch::save of the module (keys = official keys)
//   optimizer_G.pt optimizer_D.pt      torch::save of the Adam state
//   state.pt                           image pools and RNG states (tensors)
//   state.json                         counters, architecture, versions
//   manifest.json                      size and checksum of every file above
inline const char *kGeneratorAFile = "G_A.pt";
inline const char *kGeneratorBFile = "G_B.pt";

} // namespace cgs
