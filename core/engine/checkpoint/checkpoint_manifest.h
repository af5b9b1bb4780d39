#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// Where a run stands: what an exact resume needs besides the tensors.
struct TrainingCounters {
    int epoch = 1;                   // epoch in progress (1-based, counts from epoch_count)
    std::int64_t epochIteration = 0; // steps done in that epoch
    std::int64_t iteration = 0;      // steps done in the whole run
    std::uint64_t seed = 0;
};

// One file listed in a checkpoint's manifest.json.
struct ManifestEntry {
    std::string name;        // plain file name inside the checkpoint folder
    std::uintmax_t size = 0; // bytes
    std::string checksum;    // FNV-1a 64 as 16 hex digits (fileChecksum)
};

// The networks' shapes a checkpoint was written with (state.json "arch"; netG is "resnet").
struct CheckpointArch {
    int ngf = 64, nBlocks = 9, inputNc = 3, outputNc = 3; // G_A maps inputNc to outputNc
    int ndf = 0, nLayersD = 0; // discriminators; 0 in a generator-only checkpoint (convert)
    bool operator==(const CheckpointArch &o) const {
        return ngf == o.ngf && nBlocks == o.nBlocks && inputNc == o.inputNc &&
               outputNc == o.outputNc && ndf == o.ndf && nLayersD == o.nLayersD;
    }
    bool operator!=(const CheckpointArch &o) const { return !(*this == o); }
};

// The state.json of a checkpoint folder: everything about it but the tensors.
struct CheckpointState {
    std::string tag; // folder name when written: latest, epoch_0005, ...
    TrainingCounters counters;
    CheckpointArch arch;
    std::string studioVersion, torchVersion; // "written_by", for messages only
    int epochsCompleted() const { return counters.epoch > 0 ? counters.epoch - 1 : 0; }
};

// The two JSON files of a checkpoint folder (<checkpoint>/state.json, <checkpoint>/manifest.json);
// this unit is their only writer and reader. No Torch and no file access, so that the parsers
// can be fuzzed alone.
constexpr const char *kStateFile = "state.json";
constexpr const char *kManifestFile = "manifest.json";

// The writers: JSON text for state.json (format, format_version, tag, epoch, epochs_completed,
// epoch_iteration, iteration, seed, arch, written_by) and for manifest.json.
std::string checkpointStateJson(const CheckpointState &state);
std::string manifestJson(const std::vector<ManifestEntry> &entries);

// The parsers. `dir` names the folder in messages. Both throw CheckpointError saying what is
// wrong, for any input text.
//
// parseManifest: {"files": {"<name>": {"size": N, "fnv1a64": "<hex>"}, ...}}; at least one
// file; names must be plain file names (no '/', not "." or "..").
std::vector<ManifestEntry> parseManifest(const std::string &text, const std::string &dir);

// parseCheckpointState: format "cyclegan-studio-checkpoint", format_version
// `kCheckpointFormatVersion` (a newer one names the version that wrote it), the integer
// counters epoch, epoch_iteration, iteration; seed (0 when absent: generator-only
// checkpoints of earlier builds have none); tag (default: the last part of `dir`); the arch
// fields that are present (the others keep CheckpointArch's defaults).
CheckpointState parseCheckpointState(const std::string &text, const std::string &dir);

constexpr int kCheckpointFormatVersion = 1;

} // namespace cgs
