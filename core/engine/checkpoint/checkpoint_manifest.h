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

// The parsed state.json of a training checkpoint.
struct CheckpointState {
    TrainingCounters counters;
    std::string archJson; // the "arch" object as JSON text ("{}" when absent)
};

// Parsers of the two JSON files of a training checkpoint folder (no Torch, so that they can
// be fuzzed alone). `dir` names the folder in messages. Both throw CheckpointError saying
// what is wrong, for any input text.
//
// parseManifest: {"files": {"<name>": {"size": N, "fnv1a64": "<hex>"}, ...}}; at least one
// file; names must be plain file names (no '/', not "." or "..").
std::vector<ManifestEntry> parseManifest(const std::string &text, const std::string &dir);

// parseCheckpointState: format "cyclegan-studio-checkpoint", format_version
// `kCheckpointFormatVersion` (a newer one names the version that wrote it), the integer
// counters epoch, epoch_iteration, iteration, seed.
CheckpointState parseCheckpointState(const std::string &text, const std::string &dir);

constexpr int kCheckpointFormatVersion = 1;

} // namespace cgs
