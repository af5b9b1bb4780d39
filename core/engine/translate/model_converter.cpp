#include "core/engine/translate/model_converter.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"
#include "core/engine/translate/model_loader.h"

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

ConvertResult convertModel(const ConvertRequest &request) {
    if (request.input.empty() || request.output.empty())
        throw ConfigError("convert needs an input model and an output path");
    std::error_code ec;
    if (fs::exists(request.output, ec)) {
        if (fs::equivalent(request.input, request.output, ec))
            throw ConfigError("Input and output are the same: '" + request.output + "'");
        if (!request.overwrite)
            throw ConfigError("Output '" + request.output +
                              "' already exists (use --overwrite to replace it)");
    }
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
