#include "core/imageio/video_translation.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"
#include "core/imageio/audio_copy.h"
#include "core/imageio/decode_ahead.h"
#include "core/imageio/file_io.h"
#include "core/imageio/video_file.h"
#include "core/imageio/video_reader.h"
#include "core/imageio/video_writer.h"
#include "core/imageio/write_behind.h"

#include <chrono>
#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::int64_t parseFrameNumber(const std::string &text, const std::string &whole) {
    std::size_t used = 0;
    long long value = -1;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != text.size() || value < 0)
        throw ConfigError("--frames '" + whole +
                          "' is not START:END (0-based frame numbers, END excluded; START: or "
                          ":END allowed)");
    return value;
}

// Copies the input's audio into the finished silent video, or says why not; never fails the
// video (a silent output is still a translation).
void finishWithAudio(VideoWriter &writer, const VideoTranslateOptions &options, VideoResult &r) {
    writer.close();
    if (!options.copyAudio) {
        writer.commit();
        return;
    }
    const AudioCopy audio;
    if (!audio.available())
        r.audio = AudioOutcome::NoFfmpeg;
    else if (!audio.hasAudio(r.input))
        r.audio = AudioOutcome::NoAudioTrack;
    if (r.audio == AudioOutcome::NoFfmpeg || r.audio == AudioOutcome::NoAudioTrack) {
        writer.commit();
        return;
    }
    const std::string muxed = temporarySibling(r.output);
    try {
        audio.mux(fs::absolute(writer.temporaryPath()).string(), fs::absolute(r.input).string(),
                  static_cast<double>(r.firstFrame) / r.fps,
                  static_cast<double>(r.frames) / r.fps, fs::absolute(muxed).string());
        syncFile(muxed);
        std::error_code ec;
        fs::rename(muxed, r.output, ec);
        if (ec)
            throw IoError("Cannot write video '" + r.output + "': " + ec.message());
        writer.discard();
        r.audio = AudioOutcome::Copied;
    } catch (const IoError &e) {
        std::error_code ec;
        fs::remove(muxed, ec);
        r.audio = AudioOutcome::Failed;
        r.audioNote = e.what();
        writer.commit();
    }
}

} // namespace

void VideoTranslateOptions::validate() const {
    if (firstFrame < 0)
        throw ConfigError("--frames START must be >= 0, got " + std::to_string(firstFrame));
    if (endFrame >= 0 && endFrame <= firstFrame)
        throw ConfigError("--frames END must be greater than START, got " +
                          std::to_string(firstFrame) + ":" + std::to_string(endFrame));
}

void parseFrameRange(const std::string &text, VideoTranslateOptions &options) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || text == ":")
        parseFrameNumber("x", text); // throws the usage message
    const std::string first = text.substr(0, colon), end = text.substr(colon + 1);
    options.firstFrame = first.empty() ? 0 : parseFrameNumber(first, text);
    options.endFrame = end.empty() ? -1 : parseFrameNumber(end, text);
    options.validate();
}

std::string describe(AudioOutcome outcome) {
    switch (outcome) {
    case AudioOutcome::Copied:
        return "audio copied";
    case AudioOutcome::NoAudioTrack:
        return "no audio track";
    case AudioOutcome::NoFfmpeg:
        return "silent: ffmpeg not installed";
    case AudioOutcome::Failed:
        return "silent: ffmpeg could not copy the audio";
    case AudioOutcome::NotRequested:
        break;
    }
    return "silent";
}

VideoResult translateVideo(const std::string &input, const std::string &output,
                           const VideoTranslateOptions &options, const FrameFunction &translate,
                           const std::atomic<bool> &cancel, const VideoProgressFunction &progress) {
    options.validate();
    const auto started = std::chrono::steady_clock::now();
    VideoReader reader(input);
    const VideoInfo &info = reader.info();
    if (options.firstFrame >= info.frameCount)
        throw DatasetError("Cannot translate video '" + input + "': --frames starts at frame " +
                           std::to_string(options.firstFrame) + ", the video has " +
                           std::to_string(info.frameCount) + " frames");
    VideoResult r;
    r.input = input;
    r.output = output;
    r.width = info.width;
    r.height = info.height;
    r.fps = info.fps;
    r.firstFrame = options.firstFrame;
    // Reading to the end (end -1) lets the reader notice a truncated file.
    const bool toEnd = options.endFrame < 0 || options.endFrame >= info.frameCount;
    const std::int64_t end = toEnd ? info.frameCount : options.endFrame;
    const VideoCodec codec = chooseVideoCodec(lowerExtension(output), info.fourcc, options.codec);
    r.codec = codec.name;
    VideoWriter writer(output, info.width, info.height, info.fps, codec);
    VideoProgress p;
    p.input = input;
    p.total = end - options.firstFrame;
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    {
        DecodeAhead frames(reader, options.firstFrame, toEnd ? -1 : end, options.decodeAhead);
        WriteBehind behind(writer, options.writeBehind);
        Image frame;
        while (frames.next(frame)) {
            if (cancel.load())
                throw Cancelled();
            Image out = translate(frame, cancel);
            if (out.width != frame.width || out.height != frame.height)
                throw Error(ErrorKind::Other,
                            "Cannot translate video '" + input + "': a frame of " +
                                std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                                " came back as " + std::to_string(out.width) + "x" +
                                std::to_string(out.height));
            behind.push(std::move(out));
            p.frame = ++r.frames;
            p.total = std::max(p.total, p.frame);
            const double t = elapsed();
            p.framesPerSecond = t > 0 ? p.frame / t : 0;
            p.etaSeconds = p.framesPerSecond > 0 ? (p.total - p.frame) / p.framesPerSecond : 0;
            if (progress)
                progress(p);
        }
        behind.finish();
    }
    if (r.frames == 0)
        throw DatasetError("Cannot read video '" + input + "': no frame could be decoded");
    finishWithAudio(writer, options, r);
    r.seconds = elapsed();
    return r;
}

} // namespace cgs
