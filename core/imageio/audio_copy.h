#pragma once

#include <string>

namespace cgs {

// Copying a video's audio track into its translated version with the `ffmpeg` program (OpenCV's
// video I/O has no audio). Optional: without ffmpeg on PATH the output stays silent.
//
//   cgs::AudioCopy audio;                             // looks for ffmpeg and ffprobe on PATH
//   if (audio.available() && audio.hasAudio("in.mp4"))
//       audio.mux(".out.mp4.part-1.mp4", "in.mp4", 0.2, 1.5, ".out.mp4.part-2.mp4");
//
// ffmpeg runs without a shell (paths are passed as they are), with -nostdin and stream copy:
// the video stream of the translated file and the audio stream(s) of the original, cut to the
// translated span, are remuxed without re-encoding. Thread safety: const members are reentrant.
class AudioCopy {
public:
    AudioCopy(); // finds ffmpeg and ffprobe on PATH (no process is started)

    bool available() const { return !m_ffmpeg.empty() && !m_ffprobe.empty(); }
    const std::string &ffmpegPath() const { return m_ffmpeg; }

    // Whether `video` has an audio stream (ffprobe). False when ffprobe fails or is missing.
    bool hasAudio(const std::string &video) const;

    // Writes `output`: the video stream of `videoOnly` and the audio of `source` from
    // `startSeconds` on, `durationSeconds` long (<= 0: to the end). `output` keeps the
    // container of its extension. Throws IoError "Cannot copy the audio of '<source>': <last
    // line ffmpeg printed>" when ffmpeg fails (the caller keeps the silent video).
    void mux(const std::string &videoOnly, const std::string &source, double startSeconds,
             double durationSeconds, const std::string &output) const;

private:
    std::string m_ffmpeg;
    std::string m_ffprobe;
};

} // namespace cgs
