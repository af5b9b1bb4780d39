#pragma once

#include "core/engine/direction.h"

#include <string>
#include <vector>

namespace cgs {

// What a model path names. Every reader of model paths (the translator's loader, the trainer,
// the studio's pages) asks locateModel() instead of looking for files itself.
enum class ModelKind {
    Missing,          // nothing at the path
    Run,              // our run folder: <run>/checkpoints/<tag>/...
    CheckpointFolder, // one of our checkpoint folders (it has state.json)
    CheckpointFile,   // G_A.pt or G_B.pt inside one of our checkpoint folders
    OfficialRun,      // a run folder of the official train.py: <epoch>_net_G_A.pth, _net_G_B.pth
    OfficialModel,    // a model folder of the official test.py: <epoch>_net_G.pth only
    OfficialFile,     // any other file: an official weight file (.pth, zip or legacy pickle)
    Unknown,          // a folder that is none of the above
};

struct ModelLocation {
    ModelKind kind = ModelKind::Missing;
    std::string path; // as given
    // Run: the tags of its intact checkpoints, in listCheckpoints() order (may be empty while a
    // new run has not saved yet). OfficialRun / OfficialModel: its epochs, in
    // listOfficialEpochs() order. Empty for the other kinds.
    std::vector<std::string> tags;
    // CheckpointFile: the direction of that generator (G_A.pt: AToB, G_B.pt: BToA).
    Direction fileDirection = Direction::AToB;

    // A folder with a column per tag in Compare: Run, OfficialRun or OfficialModel.
    bool hasTags() const {
        return kind == ModelKind::Run || kind == ModelKind::OfficialRun ||
               kind == ModelKind::OfficialModel;
    }
    bool isOfficialFolder() const {
        return kind == ModelKind::OfficialRun || kind == ModelKind::OfficialModel;
    }
};

// Classifies `path` by what is on disk now (checked in this order: our checkpoint folder, our
// run folder, an official folder). Never throws; reads directory listings and the state.json
// of a run's checkpoints. Reentrant.
ModelLocation locateModel(const std::string &path);

// The checkpoint folder that `model` (our run or checkpoint folder) and `epoch` (a tag;
// "" = "latest") name, checked to exist. Throws CheckpointError naming the path: "Model 'x'
// does not exist", "Run 'r' has no checkpoint 'epoch_0009' (it has: epoch_0005, latest)",
// "'x' is not a model: expected ...".
std::string resolveCheckpointFolder(const std::string &model, const std::string &epoch);

// What identifies the weights that `model` + `epoch` (+ `direction`, for official folders)
// load, as they are on disk now: modification time and size of the file that changes whenever
// they do (a checkpoint's manifest.json, written last, or its state.json; the official weight
// file; the file itself). A training rewriting `latest` changes it, so a cache keyed on it
// always serves the newest weights. "" when nothing can be found (the load will say why).
std::string modelStamp(const std::string &model, const std::string &epoch, Direction direction);

} // namespace cgs
