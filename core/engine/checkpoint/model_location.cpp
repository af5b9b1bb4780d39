#include "core/engine/checkpoint/model_location.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/error.h"
#include "core/engine/official/official_run_folder.h"

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::string availableTags(const std::vector<std::string> &tags) {
    std::string list;
    for (const auto &t : tags)
        list += (list.empty() ? "" : ", ") + t;
    return list.empty() ? "none" : list;
}

std::vector<std::string> checkpointTags(const std::string &runDir) {
    std::vector<std::string> tags;
    try {
        for (const auto &c : listCheckpoints(runDir))
            tags.push_back(c.tag);
    } catch (const Error &) {
        // The checkpoints folder went away meanwhile: a run without checkpoints.
    }
    return tags;
}

std::string fileStamp(const fs::path &file) {
    std::error_code ec;
    const auto time = fs::last_write_time(file, ec);
    if (ec)
        return {};
    const auto size = fs::file_size(file, ec);
    return std::to_string(time.time_since_epoch().count()) + ':' + std::to_string(ec ? 0 : size);
}

std::string checkpointStamp(const fs::path &dir) {
    const std::string manifest = fileStamp(dir / kManifestFile);
    return manifest.empty() ? fileStamp(dir / kStateFile) : manifest;
}

// The kind alone, from file names (no state.json of a run's checkpoints is read).
ModelKind kindOf(const std::string &path) {
    const fs::path p(path);
    std::error_code ec;
    if (path.empty() || !fs::exists(p, ec))
        return ModelKind::Missing;
    if (!fs::is_directory(p, ec)) {
        const std::string name = p.filename().string();
        const bool generator = name == kGeneratorAFile || name == kGeneratorBFile;
        return generator && holdsCheckpoint(p.parent_path().string()) ? ModelKind::CheckpointFile
                                                                      : ModelKind::OfficialFile;
    }
    if (holdsCheckpoint(path))
        return ModelKind::CheckpointFolder;
    if (fs::is_directory(runCheckpointsDir(path), ec))
        return ModelKind::Run;
    if (listOfficialEpochs(path).empty())
        return ModelKind::Unknown;
    return holdsOfficialPair(path) ? ModelKind::OfficialRun : ModelKind::OfficialModel;
}

} // namespace

ModelLocation locateModel(const std::string &path) {
    ModelLocation location;
    location.path = path;
    location.kind = kindOf(path);
    if (location.kind == ModelKind::Run)
        location.tags = checkpointTags(path);
    else if (location.isOfficialFolder())
        location.tags = listOfficialEpochs(path);
    else if (location.kind == ModelKind::CheckpointFile)
        location.fileDirection = fs::path(path).filename() == kGeneratorAFile ? Direction::AToB
                                                                              : Direction::BToA;
    return location;
}

std::string resolveCheckpointFolder(const std::string &model, const std::string &epoch) {
    switch (kindOf(model)) {
    case ModelKind::Missing:
        throw CheckpointError("Model '" + model + "' does not exist");
    case ModelKind::CheckpointFolder:
        return model;
    case ModelKind::Run: {
        const std::string tag = epoch.empty() ? "latest" : epoch;
        const std::string dir = (fs::path(runCheckpointsDir(model)) / tag).string();
        if (!holdsCheckpoint(dir))
            throw CheckpointError("Run '" + model + "' has no checkpoint '" + tag +
                                  "' (it has: " + availableTags(checkpointTags(model)) + ")");
        return dir;
    }
    default:
        throw CheckpointError("'" + model +
                              "' is not a model: expected a run folder (with "
                              "checkpoints/), a checkpoint folder (with state.json), an official "
                              "run or model folder (with <epoch>_net_G_A.pth or <epoch>_net_G.pth) "
                              "or an official .pth file");
    }
}

std::string modelStamp(const std::string &model, const std::string &epoch, Direction direction) {
    try {
        switch (kindOf(model)) {
        case ModelKind::Run:
        case ModelKind::CheckpointFolder:
            return checkpointStamp(resolveCheckpointFolder(model, epoch));
        case ModelKind::CheckpointFile:
            return checkpointStamp(fs::path(model).parent_path());
        case ModelKind::OfficialRun:
        case ModelKind::OfficialModel:
            return fileStamp(officialWeightFile(
                model, epoch, {direction == Direction::AToB ? "G_A" : "G_B", "G"}));
        case ModelKind::OfficialFile:
            return fileStamp(model);
        default:
            return {};
        }
    } catch (const Error &) {
        return {}; // nothing to stamp: loading will report the cause
    }
}

} // namespace cgs
