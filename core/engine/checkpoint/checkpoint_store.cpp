#include "core/engine/checkpoint/checkpoint_store.h"

#include "core/engine/atomic_file.h"
#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/error.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace cgs {
namespace fs = std::filesystem;

std::string runCheckpointsDir(const std::string &runDir) {
    return (fs::path(runDir) / "checkpoints").string();
}

bool holdsCheckpoint(const std::string &dir) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / kStateFile, ec);
}

CheckpointState readCheckpointState(const std::string &checkpointDir) {
    const fs::path file = fs::path(checkpointDir) / kStateFile;
    std::error_code ec;
    if (!fs::exists(file, ec))
        throw CheckpointError("'" + checkpointDir + "' is not a checkpoint folder (no " +
                              kStateFile + ")");
    std::string text;
    try {
        text = readFile(file.string());
    } catch (const IoError &e) {
        throw CheckpointError(std::string("Checkpoint '") + checkpointDir + "' has no readable " +
                              kStateFile + " (" + e.what() + ")");
    }
    return parseCheckpointState(text, checkpointDir);
}

CheckpointInfo readCheckpointInfo(const std::string &checkpointDir) {
    const CheckpointState state = readCheckpointState(checkpointDir);
    CheckpointInfo info;
    info.path = checkpointDir;
    info.tag = state.tag;
    info.epoch = state.epochsCompleted();
    info.iteration = state.counters.iteration;
    info.arch = state.arch;
    return info;
}

std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir) {
    const fs::path root = runCheckpointsDir(runDir);
    if (!fs::is_directory(root))
        throw CheckpointError("'" + runDir + "' has no checkpoints/ folder (not a training run)");
    std::vector<CheckpointInfo> out;
    for (const auto &entry : fs::directory_iterator(root)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_directory() || name.empty() || name[0] == '.')
            continue;
        try {
            out.push_back(readCheckpointInfo(entry.path().string()));
        } catch (const Error &) {
            // Damaged or foreign folders are left out of the list by contract.
        }
    }
    std::sort(out.begin(), out.end(), [](const CheckpointInfo &a, const CheckpointInfo &b) {
        return std::tie(a.iteration, a.tag) < std::tie(b.iteration, b.tag);
    });
    return out;
}

void verifyCheckpointFolder(const std::string &dir) {
    const fs::path root(dir);
    std::string text;
    try {
        text = readFile((root / kManifestFile).string());
    } catch (const IoError &e) {
        throw CheckpointError("Checkpoint '" + dir + "' has no readable " + kManifestFile + " (" +
                              e.what() + "): it was not completely written");
    }
    for (const auto &entry : parseManifest(text, dir)) {
        const fs::path file = root / entry.name;
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (ec || size != entry.size || fileChecksum(file.string()) != entry.checksum)
            throw CheckpointError("Checkpoint file '" + file.string() +
                                  "' is missing or damaged (size or checksum differs from " +
                                  kManifestFile + ")");
    }
}

} // namespace cgs
