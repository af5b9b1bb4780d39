#include "core/engine/train/train_options.h"

#include "core/engine/device.h"
#include "core/engine/error.h"
#include "core/engine/train/input_side_limit.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <type_traits>

namespace cgs {
namespace {

using nlohmann::json;

void require(bool ok, const std::string &message) {
    if (!ok)
        throw ConfigError(message);
}

std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// One table drives both directions of the JSON mapping, so a new option cannot be written
// without also being read.
struct Field {
    std::function<json(const TrainOptions &)> get;
    std::function<void(TrainOptions &, const json &)> set;
};

// A JSON value as T. nlohmann's get<int>() casts whatever number it holds: 9.2e22 is undefined
// behaviour and 4294967297 silently becomes 1 (found by fuzz_train_config;
// fuzz/regressions/train_config/), so integers are range-checked and fractions refused.
template <typename T> T checkedGet(const json &j) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        constexpr auto lo = std::numeric_limits<T>::min();
        constexpr auto hi = std::numeric_limits<T>::max();
        const bool fits =
            j.is_number_unsigned()
                ? j.get<std::uint64_t>() <= static_cast<std::uint64_t>(hi)
                : j.is_number_integer() && j.get<std::int64_t>() >= lo && j.get<std::int64_t>() <= hi;
        if (!fits)
            throw std::range_error("must be an integer from " + std::to_string(lo) + " to " +
                                   std::to_string(hi));
        return static_cast<T>(j.get<std::int64_t>());
    } else {
        return j.get<T>();
    }
}

template <typename T> Field field(T TrainOptions::*member) {
    return {[member](const TrainOptions &o) { return json(o.*member); },
            [member](TrainOptions &o, const json &j) { o.*member = checkedGet<T>(j); }};
}

const std::map<std::string, Field> &fields() {
    static const std::map<std::string, Field> table = {
        {"dataroot", field(&TrainOptions::dataroot)},
        {"dirA", field(&TrainOptions::dirA)},
        {"dirB", field(&TrainOptions::dirB)},
        {"phase", field(&TrainOptions::phase)},
        {"preprocess",
         {[](const TrainOptions &o) { return json(toString(o.preprocess)); },
          [](TrainOptions &o, const json &j) {
              o.preprocess = preprocessFromString(j.get<std::string>());
          }}},
        {"load_size", field(&TrainOptions::loadSize)},
        {"crop_size", field(&TrainOptions::cropSize)},
        {"no_flip", field(&TrainOptions::noFlip)},
        {"serial_batches", field(&TrainOptions::serialBatches)},
        {"max_dataset_size", field(&TrainOptions::maxDatasetSize)},
        {"num_threads", field(&TrainOptions::numThreads)},
        {"batch_size", field(&TrainOptions::batchSize)},
        {"world_size", field(&TrainOptions::worldSize)},
        {"name", field(&TrainOptions::name)},
        {"checkpoints_dir", field(&TrainOptions::checkpointsDir)},
        {"input_nc", field(&TrainOptions::inputNc)},
        {"output_nc", field(&TrainOptions::outputNc)},
        {"ngf", field(&TrainOptions::ngf)},
        {"ndf", field(&TrainOptions::ndf)},
        {"netG", field(&TrainOptions::netG)},
        {"netD", field(&TrainOptions::netD)},
        {"n_layers_D", field(&TrainOptions::nLayersD)},
        {"norm", field(&TrainOptions::norm)},
        {"init_type", field(&TrainOptions::initType)},
        {"init_gain", field(&TrainOptions::initGain)},
        {"gan_mode",
         {[](const TrainOptions &o) { return json(toString(o.ganMode)); },
          [](TrainOptions &o, const json &j) {
              o.ganMode = ganModeFromString(j.get<std::string>());
          }}},
        {"lambda_A", field(&TrainOptions::lambdaA)},
        {"lambda_B", field(&TrainOptions::lambdaB)},
        {"lambda_identity", field(&TrainOptions::lambdaIdentity)},
        {"pool_size", field(&TrainOptions::poolSize)},
        {"lr", field(&TrainOptions::lr)},
        {"beta1", field(&TrainOptions::beta1)},
        {"n_epochs", field(&TrainOptions::nEpochs)},
        {"n_epochs_decay", field(&TrainOptions::nEpochsDecay)},
        {"epoch_count", field(&TrainOptions::epochCount)},
        {"save_epoch_freq", field(&TrainOptions::saveEpochFreq)},
        {"save_latest_freq", field(&TrainOptions::saveLatestFreq)},
        {"print_freq", field(&TrainOptions::printFreq)},
        {"display_freq", field(&TrainOptions::displayFreq)},
        {"preview_count", field(&TrainOptions::previewCount)},
        {"continue_train", field(&TrainOptions::continueTrain)},
        {"epoch", field(&TrainOptions::epoch)},
        {"device", field(&TrainOptions::device)},
        {"seed", field(&TrainOptions::seed)},
        {"cpu_threads", field(&TrainOptions::cpuThreads)},
        {"precision", field(&TrainOptions::precision)},
        {"channels_last", field(&TrainOptions::channelsLast)},
        {"train_step", field(&TrainOptions::trainStep)},
        {"cuda_graph", field(&TrainOptions::cudaGraph)},
    };
    return table;
}

void validateSizes(const TrainOptions &o) {
    // The networks' smallest input, from their layers (input_side_limit.h).
    const bool crops = o.preprocess == Preprocess::ResizeAndCrop ||
                       o.preprocess == Preprocess::Crop ||
                       o.preprocess == Preprocess::ScaleWidthAndCrop;
    const auto tooSmall = [&o](const char *option, int value) {
        const InputSideLimit limit = inputSideLimit(o, value);
        return std::string(option) + " " + num(value) + " is too small for " + limit.networks +
               ": at " + num(value) + "x" + num(value) + " " + limit.reason + ". Use " + option +
               " " + num(limit.minimumSide) + " or more";
    };
    const int minimum = inputSideLimit(o).minimumSide;
    if (crops) { // the networks see crop x crop
        require(o.cropSize % 4 == 0, "--crop_size must be a multiple of 4, got " + num(o.cropSize));
        if (o.cropSize < minimum)
            throw ConfigError(tooSmall("--crop_size", o.cropSize));
        require(o.preprocess == Preprocess::Crop || o.loadSize >= o.cropSize,
                "--load_size (" + num(o.loadSize) + ") must be >= --crop_size (" +
                    num(o.cropSize) + ") with --preprocess " + toString(o.preprocess) +
                    " (it crops the resized image)");
    } else if (o.preprocess == Preprocess::ScaleWidth) { // width = load_size, height >= crop_size
        require(o.loadSize % 4 == 0, "--load_size must be a multiple of 4 with --preprocess "
                                     "scale_width (it is the width the networks see), got " +
                                         num(o.loadSize));
        if (o.loadSize < minimum)
            throw ConfigError(tooSmall("--load_size", o.loadSize));
        require(o.cropSize >= 1, "--crop_size (the smallest height) must be >= 1");
    }
    // --preprocess none: load_size and crop_size are unused; images keep their size (rounded
    // to multiples of 4; smaller ones are enlarged to the networks' minimum, preprocess.h).
}

} // namespace

std::string TrainOptions::runDir() const {
    std::string dir = checkpointsDir;
    if (!dir.empty() && dir.back() != '/')
        dir += '/';
    return dir + name;
}

void TrainOptions::validate() const {
    require(!name.empty(), "--name must not be empty");
    require(name.find('/') == std::string::npos && name != "." && name != "..",
            "--name '" + name + "' must be a plain folder name (no '/')");
    require(!dataroot.empty() || (!dirA.empty() && !dirB.empty()),
            "--dataroot is required (a folder with trainA/ and trainB/)");
    require(netG == "resnet_9blocks" || netG == "resnet_6blocks",
            "--netG '" + netG + "' is not supported (use resnet_9blocks or resnet_6blocks)");
    require(netD == "basic" || netD == "n_layers",
            "--netD '" + netD + "' is not supported (use basic or n_layers)");
    require(norm == "instance", "--norm '" + norm + "' is not supported (only instance)");
    require(nLayersD >= 1 && nLayersD <= 6, "--n_layers_D must be in 1..6, got " + num(nLayersD));
    require(ngf >= 1 && ngf <= 1024, "--ngf must be in 1..1024, got " + num(ngf));
    require(ndf >= 1 && ndf <= 1024, "--ndf must be in 1..1024, got " + num(ndf));
    require(lambdaIdentity == 0 || inputNc == outputNc,
            "--lambda_identity " + num(lambdaIdentity) + " needs --input_nc (" + num(inputNc) +
                ") = --output_nc (" + num(outputNc) + "): the identity loss compares G_A(b) " +
                "with b; use --lambda_identity 0");
    require(inputNc == 3 && outputNc == 3, "--input_nc and --output_nc must be 3 (RGB)");
    require(batchSize >= 1, "--batch_size must be >= 1, got " + num(batchSize));
    validateSizes(*this);
    require(lr > 0 && lr < 1, "--lr must be in (0, 1), got " + num(lr));
    require(beta1 >= 0 && beta1 < 1, "--beta1 must be in [0, 1), got " + num(beta1));
    require(lambdaA >= 0 && lambdaB >= 0 && lambdaIdentity >= 0,
            "--lambda_A, --lambda_B and --lambda_identity must be >= 0");
    require(poolSize >= 0, "--pool_size must be >= 0, got " + num(poolSize));
    require(nEpochs >= 0 && nEpochsDecay >= 0 && nEpochs + nEpochsDecay >= 1,
            "--n_epochs + --n_epochs_decay must be >= 1");
    require(epochCount >= 1, "--epoch_count must be >= 1, got " + num(epochCount));
    require(epochCount <= nEpochs + nEpochsDecay,
            "--epoch_count " + num(epochCount) + " is after the last epoch (--n_epochs + " +
                "--n_epochs_decay = " + num(nEpochs + nEpochsDecay) + "): nothing would train");
    require(saveEpochFreq >= 1 && saveLatestFreq >= 1 && printFreq >= 1 && displayFreq >= 1,
            "--save_epoch_freq, --save_latest_freq, --print_freq and --display_freq must be >= 1");
    require(numThreads >= 0 && numThreads <= 256, "--num_threads must be in 0..256");
    require(worldSize >= 1, "world_size must be at least 1");
    require(cpuThreads >= 0 && cpuThreads <= 1024, "--cpu_threads must be in 0..1024");
    require(previewCount >= 1 && previewCount <= 16, "preview_count must be in 1..16");
    require(precision == "fp32" || precision == "bf16" || precision == "fp16",
            "--precision '" + precision + "' is not supported (use fp32, bf16 or fp16)");
    require(trainStep == "standard" || trainStep == "capturable",
            "--train_step '" + trainStep + "' is not supported (use standard or capturable)");
    const bool oneSize = preprocess == Preprocess::ResizeAndCrop ||
                         preprocess == Preprocess::Crop ||
                         preprocess == Preprocess::ScaleWidthAndCrop;
    require(!capturableStep() || oneSize,
            std::string(cudaGraph ? "--cuda_graph on" : "--train_step capturable") +
                " needs images of one size: use a --preprocess that crops (not " +
                toString(preprocess) + ")");
    require(initType == "normal" || initType == "xavier" || initType == "kaiming" ||
                initType == "orthogonal",
            "--init_type '" + initType + "' is not supported");
}

const char *toString(Preprocess p) {
    switch (p) {
    case Preprocess::ResizeAndCrop: return "resize_and_crop";
    case Preprocess::Crop: return "crop";
    case Preprocess::ScaleWidth: return "scale_width";
    case Preprocess::ScaleWidthAndCrop: return "scale_width_and_crop";
    case Preprocess::None: return "none";
    }
    return "?";
}

const char *toString(GanMode m) { return m == GanMode::LSGAN ? "lsgan" : "vanilla"; }

Preprocess preprocessFromString(const std::string &s) {
    for (auto p : {Preprocess::ResizeAndCrop, Preprocess::Crop, Preprocess::ScaleWidth,
                   Preprocess::ScaleWidthAndCrop, Preprocess::None})
        if (s == toString(p))
            return p;
    throw ConfigError("--preprocess '" + s +
                      "' is not supported (use resize_and_crop, crop, scale_width, "
                      "scale_width_and_crop or none)");
}

GanMode ganModeFromString(const std::string &s) {
    if (s == "lsgan")
        return GanMode::LSGAN;
    if (s == "vanilla")
        return GanMode::Vanilla;
    throw ConfigError("--gan_mode '" + s + "' is not supported (use lsgan or vanilla)");
}

std::string toJson(const TrainOptions &options) {
    json options_json = json::object();
    for (const auto &[key, f] : fields())
        options_json[key] = f.get(options);
    json doc = {{"format", "cyclegan-studio-config"},
                {"format_version", 1},
                {"written_by", {{"cyclegan_studio", engineVersion()}, {"libtorch", torchVersion()}}},
                {"options", options_json}};
    return doc.dump(2) + "\n";
}

TrainOptions trainOptionsFromJson(const std::string &text) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception &e) {
        throw ConfigError(std::string("config.json is not valid JSON: ") + e.what());
    }
    if (!doc.is_object() || !doc.contains("options") || !doc["options"].is_object())
        throw ConfigError("config.json has no \"options\" object (not a CycleGAN Studio config)");
    TrainOptions options;
    for (const auto &[key, value] : doc["options"].items()) {
        const auto it = fields().find(key);
        if (it == fields().end())
            throw ConfigError("config.json: unknown option \"" + key + "\"");
        try {
            it->second.set(options, value);
        } catch (const json::exception &) {
            throw ConfigError("config.json: option \"" + key + "\" has the wrong type (" +
                              value.dump() + ")");
        } catch (const std::range_error &e) {
            throw ConfigError("config.json: option \"" + key + "\" " + e.what() + " (got " +
                              value.dump() + ")");
        }
    }
    options.validate();
    return options;
}

} // namespace cgs
