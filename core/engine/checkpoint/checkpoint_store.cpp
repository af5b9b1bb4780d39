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

namespace {

std::vector<ManifestEntry> readManifest(const fs::path &root) {
    std::string text;
    try {
        text = readFile((root / kManifestFile).string());
    } catch (const IoError &e) {
        throw DamagedCheckpointError("Checkpoint '" + root.string() + "' has no readable " +
                                     kManifestFile + " (" + e.what() +
                                     "): it was not completely written");
    }
    try {
        return parseManifest(text, root.string());
    } catch (const CheckpointError &e) {
        throw DamagedCheckpointError(e.what());
    }
}

void checkEntry(const fs::path &root, const ManifestEntry &entry) {
    const fs::path file = root / entry.name;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec)
        throw DamagedCheckpointError("Checkpoint file '" + file.string() + "' is missing (" +
                                     kManifestFile + " lists it)");
    if (size != entry.size)
        throw DamagedCheckpointError("Checkpoint file '" + file.string() + "' is damaged: " +
                                     std::to_string(size) + " bytes, " + kManifestFile +
                                     " recorded " + std::to_string(entry.size) + " (truncated?)");
    std::string sum;
    try {
        sum = fileChecksum(file.string());
    } catch (const IoError &e) {
        throw DamagedCheckpointError("Checkpoint file '" + file.string() +
                                     "' cannot be read: " + e.what());
    }
    if (sum != entry.checksum)
        throw DamagedCheckpointError("Checkpoint file '" + file.string() +
                                     "' is damaged: its checksum differs from the one " +
                                     kManifestFile + " recorded when it was written");
}

} // namespace

void writeCheckpointManifest(const std::string &dir) {
    std::vector<ManifestEntry> entries;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name == kManifestFile || !entry.is_regular_file(ec))
            continue;
        syncFile(entry.path().string());
        entries.push_back({name, fs::file_size(entry.path()), fileChecksum(entry.path().string())});
    }
    writeFileAtomically((fs::path(dir) / kManifestFile).string(), manifestJson(entries));
}

void verifyCheckpointFolder(const std::string &dir) {
    const fs::path root(dir);
    for (const auto &entry : readManifest(root))
        checkEntry(root, entry);
}

void verifyCheckpointFiles(const std::string &dir, const std::vector<std::string> &names) {
    const fs::path root(dir);
    std::error_code ec;
    if (!fs::exists(root / kManifestFile, ec)) {
        if (readCheckpointState(dir).arch.ndf == 0)
            return; // a generator-only model folder of an earlier build: nothing to check against
        readManifest(root); // throws: a training checkpoint that was not completely written
    }
    const std::vector<ManifestEntry> entries = readManifest(root);
    for (const auto &name : names) {
        const auto it = std::find_if(entries.begin(), entries.end(),
                                     [&](const ManifestEntry &e) { return e.name == name; });
        if (it == entries.end())
            throw DamagedCheckpointError("Checkpoint file '" + (root / name).string() +
                                         "' is not listed in " + kManifestFile +
                                         " (added or renamed after the checkpoint was written)");
        checkEntry(root, *it);
    }
}

std::string locateIntactCheckpoint(const std::string &checkpointsDir, const std::string &tag,
                                   const std::vector<std::string> &files,
                                   std::vector<std::string> &skipped) {
    const fs::path root(checkpointsDir);
    std::vector<fs::path> candidates = {root / tag, root / ("." + tag + ".old"),
                                        root / ("." + tag + ".prev")};
    std::error_code ec;
    if (tag == "latest")
        for (const auto &e : fs::directory_iterator(root, ec))
            if (e.path().filename().string().rfind("epoch_", 0) == 0)
                candidates.push_back(e.path());
    std::string best;
    std::int64_t bestIteration = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!fs::exists(candidates[i], ec))
            continue;
        try {
            if (files.empty())
                verifyCheckpointFolder(candidates[i].string());
            else
                verifyCheckpointFiles(candidates[i].string(), files);
            // An intact <tag> is the one to load, even when loading will refuse it (another
            // format version, other options): that is reported, never skipped silently.
            if (i == 0)
                return candidates[i].string();
            const auto it = readCheckpointState(candidates[i].string()).counters.iteration;
            if (it > bestIteration) {
                bestIteration = it;
                best = candidates[i].string();
            }
        } catch (const CheckpointError &e) {
            skipped.push_back(e.what());
        }
    }
    if (!best.empty())
        return best;
    if (skipped.empty())
        throw CheckpointError("No checkpoint '" + tag + "' in '" + checkpointsDir + "'");
    std::string list;
    for (const auto &s : skipped)
        list += "\n  " + s;
    throw DamagedCheckpointError("No intact checkpoint '" + tag + "' in '" + checkpointsDir +
                                 "':" + list);
}

} // namespace cgs
