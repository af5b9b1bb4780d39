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

// A run folder's checkpoint `tag` for one direction: when its generator file is damaged, the
// newest intact copy (its .prev backup, or for "latest" the newest epoch_N), with a warning
// that names the damaged file; DamagedCheckpointError when none is intact.
LoadedGenerator loadFromRun(const std::string &run, const std::string &epoch, Direction direction,
                            const torch::Device &device) {
    const std::string asked = resolveCheckpointFolder(run, epoch); // the tag exists
    const std::string tag = fs::path(asked).filename().string();
    std::vector<std::string> skipped;
    const std::string file = direction == Direction::AToB ? kGeneratorAFile : kGeneratorBFile;
    const std::string dir = locateIntactCheckpoint(runCheckpointsDir(run), tag, {file}, skipped);
    LoadedGenerator g = loadFromCheckpoint(dir, direction, device);
    g.info.fellBack = !skipped.empty();
    for (const auto &damaged : skipped)
        g.info.warnings.push_back(damaged + "; using the intact checkpoint '" + dir +
                                  "' (iteration " + std::to_string(g.info.iteration) +
                                  ") instead");
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
    case ModelKind::Run:
        g = loadFromRun(options.model, options.epoch, options.direction, device);
        break;
    default: // ours, or an error naming what was expected
        g = loadFromCheckpoint(resolveCheckpointFolder(options.model, options.epoch),
                               options.direction, device);
    }
    // One generator whatever the direction: say so when the other direction was asked for.
    const bool oneGenerator = location.kind == ModelKind::OfficialFile ||
                              location.kind == ModelKind::OfficialModel ||
                              location.kind == ModelKind::CheckpointFile;
    const Direction own = location.kind == ModelKind::CheckpointFile ? location.fileDirection
                                                                     : Direction::AToB;
    if (oneGenerator && options.direction != own)
        g.info.warnings.push_back(
            "'" + options.model + "' holds one generator, which translates in its own direction (" +
            (own == Direction::AToB ? "A->B" : "B->A") + "); the direction " +
            (options.direction == Direction::AToB ? "AtoB" : "BtoA") +
            " asked for is ignored (a run folder or a model folder with both generators has both "
            "directions)");
    fillFromGenerator(g.info, g.net);
    return g;
}

} // namespace cgs
