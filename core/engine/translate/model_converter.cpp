#include "core/engine/translate/model_converter.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"
#include "core/engine/translate/model_loader.h"

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {
void checkPaths(const std::string &input, const std::string &output, bool overwrite) {
    if (input.empty() || output.empty())
        throw ConfigError("convert needs an input model and an output path");
    std::error_code ec;
    if (fs::exists(output, ec)) {
        if (fs::equivalent(input, output, ec))
            throw ConfigError("Input and output are the same: '" + output + "'");
        if (!overwrite)
            throw ConfigError("Output '" + output +
                              "' already exists (use --overwrite to replace it)");
    }
}
} // namespace

ConvertResult exportModel(const ExportModelRequest &request) {
    checkPaths(request.input, request.output, request.overwrite);
    TranslatorOptions options;
    options.model = request.input;
    options.epoch = request.epoch;
    LoadedGenerator a = loadGenerator(options, torch::kCPU);
    if (a.info.format != "checkpoint")
        throw CheckpointError("'" + request.input + "' is not a run or checkpoint of CycleGAN "
                              "Studio (it is " + a.info.format + "): --both needs both generators");
    // B->A from the very checkpoint that A->B came from (it may be an intact fallback).
    options.model = a.info.source;
    options.direction = Direction::BToA;
    LoadedGenerator b = loadGenerator(options, torch::kCPU);
    if (request.storage == WeightStorage::Float16) {
        a.net->to(torch::kHalf);
        b.net->to(torch::kHalf);
    }
    std::error_code ec;
    if (fs::exists(request.output, ec) && !fs::is_directory(request.output, ec))
        throw ConfigError("Output '" + request.output + "' is a file; give the folder to write");
    saveModelFolder(request.output, a.net, b.net);
    ConvertResult result;
    result.model = a.info;
    result.outputFormat = request.storage == WeightStorage::Float16 ? "model folder (fp16)"
                                                                    : "model folder (fp32)";
    return result;
}

ConvertResult convertModel(const ConvertRequest &request) {
    checkPaths(request.input, request.output, request.overwrite);
    std::error_code ec;
    TranslatorOptions options;
    options.model = request.input;
    options.direction = request.direction;
    options.epoch = request.epoch;
    LoadedGenerator g = loadGenerator(options, torch::kCPU);
    ConvertResult result;
    result.model = g.info;
    if (g.info.format == "checkpoint") {
        if (fs::is_directory(request.output, ec))
            throw ConfigError("Output '" + request.output +
                              "' is a folder; give the .pth file to write");
        saveOfficialGenerator(request.output, g.net);
        result.outputFormat = "official-zip";
    } else {
        if (fs::exists(request.output, ec) && !fs::is_directory(request.output, ec))
            throw ConfigError("Output '" + request.output +
                              "' is a file; give the checkpoint folder to write");
        saveGeneratorCheckpoint(request.output, g.net);
        result.outputFormat = "checkpoint";
    }
    return result;
}

} // namespace cgs
