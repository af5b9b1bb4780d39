#include "app/cli/command.h"

#include "core/engine/error.h"
#include "core/engine/translate/model_converter.h"

#include <cstdio>
#include <memory>

namespace cgs::cli {
namespace {

struct ConvertArgs {
    ConvertRequest request;
    std::string direction = "AtoB";
    bool both = false;
    std::string storage = "fp32";
};

ConvertResult runExport(const ConvertArgs &a) {
    ExportModelRequest r;
    r.input = a.request.input;
    r.output = a.request.output;
    r.epoch = a.request.epoch;
    r.overwrite = a.request.overwrite;
    if (a.storage == "fp16")
        r.storage = WeightStorage::Float16;
    else if (a.storage != "fp32")
        throw ConfigError("--storage '" + a.storage + "' is not fp32 or fp16");
    return exportModel(r);
}

int runConvert(ConvertArgs &a) {
    a.request.direction = parseDirection(a.direction);
    const ConvertResult r =
        openNamedModel([&] { return a.both ? runExport(a) : convertModel(a.request); });
    std::printf("converted %s (%s, ngf %d, %d blocks, %d -> %d channels) to %s (%s)\n",
                r.model.source.c_str(), r.model.format.c_str(), r.model.ngf, r.model.nBlocks,
                r.model.inputNc, r.model.outputNc, a.request.output.c_str(),
                r.outputFormat.c_str());
    printWarnings(r.model.warnings);
    return kExitOk;
}

} // namespace

Command addConvertCommand(CLI::App &root) {
    auto a = std::make_shared<ConvertArgs>();
    CLI::App *cmd = root.add_subcommand(
        "convert",
        "Convert a generator between an official .pth file and a CycleGAN Studio checkpoint "
        "folder (both ways, exact).\n  cyclegan convert style_monet.pth models/monet\n"
        "  cyclegan convert runs/horse2zebra --direction BtoA zebra2horse.pth\n"
        "  cyclegan convert runs/horse2zebra models/h2z --both --storage fp16");
    cmd->add_option("input", a->request.input,
                    "Official .pth file, or run folder / checkpoint folder")
        ->required();
    cmd->add_option("output", a->request.output,
                    "Checkpoint folder (from .pth) or .pth file (from a checkpoint)")
        ->required();
    cmd->add_option("--direction", a->direction,
                    "Which generator of a checkpoint: AtoB (G_A) or BtoA (G_B)")
        ->capture_default_str();
    cmd->add_option("--epoch", a->request.epoch, "Checkpoint tag in a run folder")
        ->capture_default_str();
    cmd->add_flag("--overwrite", a->request.overwrite, "Replace an existing output");
    cmd->add_flag("--both", a->both,
                  "Both generators of a run or checkpoint into one model folder (state.json, "
                  "G_A.pt, G_B.pt) without discriminators or optimizer state");
    cmd->add_option("--storage", a->storage, "Weights of --both stored as fp32 or fp16")
        ->capture_default_str();
    return {cmd, [a] { return runConvert(*a); }};
}

} // namespace cgs::cli
