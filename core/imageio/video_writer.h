#pragma once

#include "core/engine/image.h"
#include "core/imageio/video_codec.h"

#include <memory>
#include <string>

namespace cgs {

// Encodes frames into a video file with OpenCV's FFmpeg back end, never leaving a half-written
// file under the final name.
//
//   cgs::VideoWriter out("out/clip.mp4", 640, 360, 29.97, cgs::defaultVideoCodec("mp4"));
//   for (...) out.write(frame);                 // RGB or grey, 640 x 360
//   out.close();                                 // container finished, still the temp name
//   out.commit();                                // renamed to out/clip.mp4
//
// Frames go to a hidden temporary file in the same folder, "<dir>/.<name>.part-<random>.<ext>"
// (it keeps the extension: FFmpeg picks the container from it). commit() renames it over the
// final path; a writer destroyed without commit() (an error, a cancel) removes it. A kill can
// only leave the hidden .part file behind, never a half file under the final name.
// Thread safety: one thread at a time.
class VideoWriter {
public:
    // Throws IoError "Cannot write video '<path>': <cause>" when the folder is not writable or
    // the back end cannot encode `codec` into this container, ConfigError for a bad size or fps.
    VideoWriter(const std::string &path, int width, int height, double fps,
                const VideoCodec &codec);
    ~VideoWriter();
    VideoWriter(const VideoWriter &) = delete;
    VideoWriter &operator=(const VideoWriter &) = delete;

    // `frame` has the writer's size and 1, 3 or 4 channels (alpha is dropped). Throws
    // IoError for a wrong size or when encoding fails.
    void write(const Image &frame);
    // Finishes the container (trailer, index) under the temporary name. Idempotent.
    void close();
    // close(), then renames the temporary file to `target` (default: the path given to the
    // constructor). Throws IoError naming the target.
    void commit(const std::string &target = {});
    // Removes the temporary file (also done by the destructor unless committed).
    void discard();

    const std::string &path() const { return m_path; }
    const std::string &temporaryPath() const { return m_temporary; }
    const VideoCodec &codec() const { return m_codec; }
    std::int64_t framesWritten() const { return m_frames; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_path;
    std::string m_temporary;
    VideoCodec m_codec;
    int m_width;
    int m_height;
    std::int64_t m_frames = 0;
    bool m_committed = false;
};

// A hidden sibling of `path` that keeps its extension: "<dir>/.<name>.part-<random>.<ext>".
std::string temporarySibling(const std::string &path);

} // namespace cgs
