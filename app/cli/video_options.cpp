#include "app/cli/video_options.h"

#include "app/cli/command.h"
#include "core/imageio/video_codec.h"

#include <cstdio>
#include <memory>

namespace cgs::cli {

void addVideoOptions(CLI::App &cmd, VideoArgs &args) {
    cmd.add_option("--frames", args.frames,
                   "Videos: only frames START:END (0-based, END excluded; START: or :END)");
    cmd.add_option("--temporal_smoothing", args.smoothing,
                   "Videos: less flicker. The generator's instance-norm mean and variance are "
                   "a moving average over frames with weight A for the past (0 = off, the "
                   "official per-frame output; try 0.8), restarted at scene cuts. With tiles, "
                   "each tile position keeps its own statistics")
        ->capture_default_str();
    cmd.add_option("--video_codec", args.codec,
                   "Videos are written in their own container (mp4, m4v, mov, mkv, webm, avi) "
                   "with the " + videoCodecHelp());
}

void applyVideoOptions(const VideoArgs &args, BatchExportOptions &options) {
    if (!args.frames.empty())
        parseFrameRange(args.frames, options.video);
    FrameSequenceOptions{args.smoothing}.validate();
    if (!args.codec.empty())
        videoCodecByOption(args.codec);
    options.video.codec = args.codec;
}

VideoFrameFactory videoFrameFactory(const Translator &translator, const VideoArgs &args) {
    const FrameSequenceOptions options{args.smoothing};
    return [&translator, options] {
        auto sequence = std::make_shared<FrameSequence>(options);
        return FrameFunction([&translator, sequence](const Image &frame,
                                                     const std::atomic<bool> &stop) {
            return translator.translateFrame(frame, *sequence, &stop);
        });
    };
}

std::string videoProgressText(const VideoProgress &p) {
    char text[160];
    std::snprintf(text, sizeof text, "frame %lld/%lld  %.2f fps  ETA %s",
                  static_cast<long long>(p.frame), static_cast<long long>(p.total),
                  p.framesPerSecond, formatDuration(p.etaSeconds).c_str());
    return text;
}

void printVideoSummaries(const ExportSummary &summary, const VideoArgs &args) {
    bool warned = false;
    for (const VideoResult &v : summary.videos) {
        std::printf("%s -> %s: %lld frames (from %lld), %dx%d at %.3g fps, %s, %s, smoothing "
                    "%.2f, %s (%.2f fps)\n",
                    v.input.c_str(), v.output.c_str(), static_cast<long long>(v.frames),
                    static_cast<long long>(v.firstFrame), v.width, v.height, v.fps,
                    v.codec.c_str(), describe(v.audio).c_str(), args.smoothing,
                    formatDuration(v.seconds).c_str(), v.seconds > 0 ? v.frames / v.seconds : 0);
        if (v.audio == AudioOutcome::Failed)
            std::fprintf(stderr, "warning: %s\n", v.audioNote.c_str());
        if (v.audio == AudioOutcome::NoFfmpeg && !warned) {
            std::fprintf(stderr, "warning: ffmpeg is not installed, so translated videos are "
                                 "silent (install ffmpeg to copy their audio)\n");
            warned = true;
        }
    }
    std::fflush(stdout);
}

} // namespace cgs::cli
