#pragma once

#include "core/engine/translate/translator.h"
#include "core/imageio/batch_export.h"

#include <CLI/CLI.hpp>

#include <string>

namespace cgs::cli {

// The video options of `cyclegan translate` (--frames, --temporal_smoothing, --video_codec) and
// the per-video summary lines, kept out of translate_command.cpp.
struct VideoArgs {
    std::string frames;       // "START:END"
    double smoothing = 0;     // --temporal_smoothing A
    std::string codec;        // --video_codec
};

void addVideoOptions(CLI::App &cmd, VideoArgs &args);

// Parses and checks the options (ConfigError naming the option) into `options.video`.
void applyVideoOptions(const VideoArgs &args, BatchExportOptions &options);

// A fresh FrameSequence per video around `translator` (which must outlive the exporter).
VideoFrameFactory videoFrameFactory(const Translator &translator, const VideoArgs &args);

// One line per video on stdout ("clip.mp4 -> out/clip.mp4: 24 frames, 68x52 at 12 fps, FFV1,
// audio copied, 3.1 s (7.7 fps)"), and once on stderr a warning when ffmpeg is missing.
void printVideoSummaries(const ExportSummary &summary, const VideoArgs &args);

// The progress text of a video: "frame 120/1440  3.1 fps  ETA 7m 05s".
std::string videoProgressText(const VideoProgress &progress);

} // namespace cgs::cli
