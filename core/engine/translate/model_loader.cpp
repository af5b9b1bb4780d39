#include "core/engine/translate/model_loader.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/checkpoint/model_location.h"
#include "core/engine/error.h"
#include "core/engine/official/official_run_folder.h"
#include "core/engine/official/official_weights.h"
#include "core/engine/translate/demo_model.h"

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {

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

} // namespace

LoadedGenerator loadGenerator(const TranslatorOptions &requested, const torch::Device &device) {
    TranslatorOptions options = requested;
    if (options.model == kDemoModelName)
        options.model = demoModelFolder();
    if (options.model.empty())
        throw ConfigError("No model given (a run folder, a checkpoint folder or a .pth file)");
    const ModelLocation location = locateModel(options.model);
    LoadedGenerator g;
    switch (location.kind) {
    case ModelKind::OfficialRun:
    case ModelKind::OfficialModel: {
        // <epoch>_net_G_A.pth / _net_G_B.pth by direction, or a pretrained model's _net_G.pth.
        const std::string official = officialWeightFile(
            options.model, options.epoch,
            {options.direction == Direction::AToB ? "G_A" : "G_B", "G"});
        g.net = loadOfficialGenerator(official, device, &g.info.format);
        g.info.source = official;
        g.info.tag = officialEpochTag(options.epoch);
        break;
    }
    case ModelKind::CheckpointFile: // that generator, whatever the direction
        g = loadFromCheckpoint(fs::path(options.model).parent_path().string(),
                               location.fileDirection, device);
        break;
    case ModelKind::OfficialFile:
        g.net = loadOfficialGenerator(options.model, device, &g.info.format);
        g.info.source = options.model;
        break;
    default: // ours, or an error naming what was expected
        g = loadFromCheckpoint(resolveCheckpointFolder(options.model, options.epoch),
                               options.direction, device);
    }
    fillFromGenerator(g.info, g.net);
    return g;
}

} // namespace cgs
