#include "core/engine/translate/model_loader.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::string availableTags(const std::string &runDir) {
    std::string tags;
    for (const auto &c : listCheckpoints(runDir))
        tags += (tags.empty() ? "" : ", ") + c.tag;
    return tags.empty() ? "none" : tags;
}

void fillFromGenerator(ModelInfo &info, const ResnetGenerator &net) {
    const auto &o = net->options();
    info.ngf = static_cast<int>(o.ngf());
    info.nBlocks = static_cast<int>(o.n_blocks());
    info.inputNc = static_cast<int>(o.input_nc());
    info.outputNc = static_cast<int>(o.output_nc());
}

LoadedGenerator loadFromCheckpoint(const std::string &dir, Direction direction,
                                   const torch::Device &device) {
    LoadedGenerator g;
    const CheckpointInfo c = readCheckpointInfo(dir);
    g.net = loadCheckpointGenerator(dir, direction, device);
    g.info.source = dir;
    g.info.format = "checkpoint";
    g.info.tag = c.tag;
    g.info.iteration = c.iteration;
    return g;
}

bool isCheckpointGeneratorFile(const fs::path &file, Direction *direction) {
    const auto name = file.filename().string();
    if (name != kGeneratorAFile && name != kGeneratorBFile)
        return false;
    if (!fs::exists(file.parent_path() / "state.json"))
        return false;
    *direction = name == kGeneratorAFile ? Direction::AToB : Direction::BToA;
    return true;
}

} // namespace

std::string resolveCheckpointFolder(const std::string &model, const std::string &epoch) {
    const fs::path path(model);
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw CheckpointError("Model '" + model + "' does not exist");
    if (fs::exists(path / "state.json", ec))
        return model;
    if (fs::is_directory(path / "checkpoints", ec)) {
        const std::string tag = epoch.empty() ? "latest" : epoch;
        const fs::path dir = path / "checkpoints" / tag;
        if (!fs::exists(dir / "state.json", ec))
            throw CheckpointError("Run '" + model + "' has no checkpoint '" + tag +
                                  "' (it has: " + availableTags(model) + ")");
        return dir.string();
    }
    throw CheckpointError("'" + model +
                          "' is not a model: expected a run folder (with "
                          "checkpoints/), a checkpoint folder (with state.json), an official "
                          "run or model folder (with <epoch>_net_G_A.pth or <epoch>_net_G.pth) "
                          "or an official .pth file");
}

LoadedGenerator loadGenerator(const TranslatorOptions &options, const torch::Device &device) {
    if (options.model.empty())
        throw ConfigError("No model given (a run folder, a checkpoint folder or a .pth file)");
    const fs::path path(options.model);
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw CheckpointError("Model '" + options.model + "' does not exist");
    LoadedGenerator g;
    Direction direction = options.direction;
    if (fs::is_directory(path, ec)) {
        // A folder of the official code: <epoch>_net_G_A.pth / _net_G_B.pth by direction, or
        // a pretrained model's <epoch>_net_G.pth.
        const bool ours = fs::exists(path / "state.json", ec) ||
                          fs::is_directory(path / "checkpoints", ec);
        if (!ours && !listOfficialEpochs(options.model).empty()) {
            const std::string official = officialWeightFile(
                options.model, options.epoch,
                {options.direction == Direction::AToB ? "G_A" : "G_B", "G"});
            g.net = loadOfficialGenerator(official, device, &g.info.format);
            g.info.source = official;
            g.info.tag = officialEpochTag(options.epoch);
        } else {
            g = loadFromCheckpoint(resolveCheckpointFolder(options.model, options.epoch),
                                   options.direction, device);
        }
    } else if (isCheckpointGeneratorFile(path, &direction)) {
        g = loadFromCheckpoint(path.parent_path().string(), direction, device);
    } else {
        g.net = loadOfficialGenerator(options.model, device, &g.info.format);
        g.info.source = options.model;
    }
    fillFromGenerator(g.info, g.net);
    return g;
}

} // namespace cgs
