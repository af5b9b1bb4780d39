#pragma once

#include "core/engine/direction.h"
#include "core/engine/image.h"
#include "core/engine/translate/frame_sequence.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cgs {

struct TranslatorOptions {
    // A run folder (uses checkpoints/<epoch>), one checkpoint folder, an official run or model
    // folder (<epoch>_net_G_A.pth / _net_G_B.pth, or <epoch>_net_G.pth), or an official .pth
    // file holding one generator (then direction is ignored: the file is the direction).
    std::string model;
    Direction direction = Direction::AToB;
    std::string epoch = "latest"; // checkpoint tag inside a run folder
    std::string device = "auto";  // auto | cpu | cuda | cuda:N
    int cpuThreads = 0;           // 0 = library default
    // Images with more pixels than this run in overlapping tiles (0 = choose from device memory).
    std::int64_t maxTilePixels = 0;
    int tileOverlap = 32;         // pixels of overlap between tiles, blended linearly
    bool greyscaleOutput = false; // grey input -> grey output (default: RGB out)
};

struct ModelInfo {
    std::string source; // the file or folder it was loaded from
    std::string format; // "checkpoint" | "official-zip" | "official-legacy"
    int ngf = 64;
    int nBlocks = 9;
    int inputNc = 3;
    int outputNc = 3;
    std::string tag; // checkpoint tag, if any
    std::int64_t iteration = -1;
    // What the user should know about the load: the damaged checkpoint file that a run's
    // newest intact checkpoint replaced, the direction a one-generator file ignores. Shown
    // by the front ends as warnings; empty when there is nothing to say.
    std::vector<std::string> warnings;
    // True when the checkpoint asked for was damaged and an intact copy was loaded instead
    // (its tag and iteration are above, the damaged file is named in warnings).
    bool fellBack = false;
};

// What made an output, as an export folder records it (core/imageio/export_record.h): the
// weights' file or folder, the checkpoint tag and iteration when there are any, and the
// direction: "runs/h2z/checkpoints/latest [latest, iteration 5000] AtoB".
std::string producerOf(const ModelInfo &info, Direction direction);

// Applies a trained generator to images at their own size. Usage:
//
//   cgs::TranslatorOptions opt;
//   opt.model = "checkpoints/monet";
//   opt.direction = cgs::Direction::BToA;
//   cgs::Translator translator(opt);                    // throws CheckpointError / DeviceError
//   cgs::Image painting = translator.translate(photo);
//
// translate() keeps width x height (reflect-pad to a multiple of 4, crop back), keeps an alpha
// channel unchanged, and tiles large images with blended overlaps. Thread safety: translate()
// may be called from one thread at a time; use one Translator per thread otherwise.
class Translator {
public:
    // Loads the model on the device (see TranslatorOptions::model). Throws CheckpointError
    // naming the path for a missing, damaged or foreign model, ConfigError for bad options,
    // DeviceUnavailableError (a DeviceError) for an unavailable device.
    explicit Translator(const TranslatorOptions &options);
    ~Translator();
    Translator(const Translator &) = delete;
    Translator &operator=(const Translator &) = delete;

    // `input` has 1, 3 or 4 channels. The output has the input's width x height; RGB (3
    // channels) for a 3-channel model, also for grey input (an image with 1 channel or with
    // R == G == B everywhere) unless options.greyscaleOutput asks for grey (1 channel); a
    // 1-channel model gives grey. An alpha channel is copied unchanged (output RGBA).
    // Between tiles, throws Cancelled once *cancel is true. Throws DatasetError for an empty
    // image or a bad channel count, DeviceError when the device fails or runs out of memory.
    Image translate(const Image &input, const std::atomic<bool> *cancel = nullptr) const;
    // One frame of a video, the next in `sequence` (see frame_sequence.h). With smoothing off
    // (sequence.options().smoothing == 0) exactly translate(frame). Otherwise the generator's
    // instance norms use statistics averaged over the frames (TemporalNorm), restarted at
    // scene cuts (SceneCutDetector) and when the frame size changes; a restart frame equals
    // translate(frame). Throws as translate().
    Image translateFrame(const Image &frame, FrameSequence &sequence,
                         const std::atomic<bool> *cancel = nullptr) const;
    const ModelInfo &info() const;
    std::string deviceDescription() const;
    // Images with more pixels than this run in tiles (options.maxTilePixels or the device's).
    std::int64_t maxTilePixels() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// What identifies the weights `options` names as they are on disk now (model, epoch and, for
// official folders, direction; see modelStamp in checkpoint/model_location.h): it changes when
// a training rewrites them, so a cache of Translators keyed on it reloads the newest weights.
// "" when nothing is found. Never throws; reads file metadata only.
std::string modelStamp(const TranslatorOptions &options);

} // namespace cgs
