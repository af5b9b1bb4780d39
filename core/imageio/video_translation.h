#pragma once

#include "core/engine/image.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace cgs {

// Translating one video file frame by frame into a new video file: the video path of
// `cyclegan translate`, the Export page and the Translate page's "Export video…".
//
//   cgs::VideoTranslateOptions o;  o.firstFrame = 5;  o.endFrame = 10;
//   cgs::VideoResult r = cgs::translateVideo("in.mkv", "out/in.mkv", o,
//       [&](const cgs::Image &f, const std::atomic<bool> &stop) { return t.translate(f, &stop); },
//       cancel, [](const cgs::VideoProgress &p) { ... });
//
// Three threads: a DecodeAhead worker decodes frames ahead, the calling thread runs the frame
// function (the model), a WriteBehind worker encodes behind it. The output has the input's
// frame size and frame rate, the same container (the output path's extension) and the codec
// chooseVideoCodec() picks. It is written under a hidden temporary name and renamed when
// complete: an error or a cancel removes it (no output file), a kill leaves only the hidden
// ".part" file. Audio: with ffmpeg/ffprobe on PATH and an audio track in the input, the track
// (cut to the translated frames) is copied into the output; otherwise the output is silent and
// VideoResult::audio says why.
// Throws DatasetError naming the input (not a video, truncated, --frames outside the video),
// IoError naming the output, ConfigError (--video_codec), Cancelled once `cancel` is true, and
// whatever the frame function throws.

struct VideoTranslateOptions {
    std::int64_t firstFrame = 0; // --frames START (0-based)
    std::int64_t endFrame = -1;  // --frames END (exclusive); -1 = to the end
    std::string codec;           // --video_codec: "" = the input's codec where writable
    bool copyAudio = true;       // copy the input's audio when ffmpeg is installed
    int decodeAhead = 8;         // frames decoded in advance
    int writeBehind = 8;         // frames waiting for the encoder
    // Throws ConfigError for a negative START or END <= START.
    void validate() const;
};

// Parses "START:END", "START:" or ":END" (0-based, END exclusive) into `options`. Throws
// ConfigError naming --frames.
void parseFrameRange(const std::string &text, VideoTranslateOptions &options);

enum class AudioOutcome { Copied, NoAudioTrack, NoFfmpeg, Failed, NotRequested };

struct VideoResult {
    std::string input;
    std::string output;
    int width = 0;
    int height = 0;
    double fps = 0;
    std::int64_t firstFrame = 0;
    std::int64_t frames = 0; // frames written
    std::string codec;       // VideoCodec::name
    AudioOutcome audio = AudioOutcome::NotRequested;
    std::string audioNote; // why audio was not copied (Failed: ffmpeg's message)
    double seconds = 0;
};

struct VideoProgress {
    std::string input;
    std::int64_t frame = 0; // frames done
    std::int64_t total = 0; // frames planned
    double framesPerSecond = 0;
    double etaSeconds = 0;
};

// (frame, stop flag) -> translated frame of the same size. A stateful function (temporal
// smoothing) must be made fresh for each video.
using FrameFunction = std::function<Image(const Image &, const std::atomic<bool> &)>;
using VideoProgressFunction = std::function<void(const VideoProgress &)>;

VideoResult translateVideo(const std::string &input, const std::string &output,
                           const VideoTranslateOptions &options, const FrameFunction &translate,
                           const std::atomic<bool> &cancel,
                           const VideoProgressFunction &progress = {});

// "audio copied", "no audio track", "silent: ffmpeg not installed", "silent: <why>".
std::string describe(AudioOutcome outcome);

} // namespace cgs
