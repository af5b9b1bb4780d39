#pragma once

#include "core/engine/image.h"

#include <cstdint>
#include <memory>
#include <string>

namespace cgs {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0;               // frames per second the container declares (> 0)
    std::int64_t frameCount = 0;  // frames the container declares (FFmpeg's estimate)
    std::string fourcc;           // codec tag as text ("FFV1", "avc1", "MJPG"); "" if none
};

// Decodes a video file frame by frame with OpenCV's FFmpeg back end.
//
//   cgs::VideoReader video("clip.mp4");          // throws DatasetError naming the file
//   video.seek(5);                                // optional
//   cgs::Image frame;
//   while (video.read(frame)) use(frame);         // RGB, info().width x info().height
//
// Every file passes checkVideoSignature() (video_file.h) before FFmpeg sees it. read() returns
// false at the end of the stream; a stream that ends clearly before the frame count the
// container declares (more than max(1, 2 %) of the frames missing) is truncated or damaged:
// read() then throws DatasetError "Cannot read video '<path>': it ends after N of M frames
// (truncated or damaged)". Audio streams are ignored (see AudioCopy).
// Thread safety: one thread at a time per reader; readers of different files are independent.
class VideoReader {
public:
    // Throws DatasetError "Cannot read video '<path>': <cause>" for a missing, empty or
    // foreign file, or one FFmpeg cannot open or that has no video stream.
    explicit VideoReader(const std::string &path);
    ~VideoReader();
    VideoReader(const VideoReader &) = delete;
    VideoReader &operator=(const VideoReader &) = delete;

    const VideoInfo &info() const { return m_info; }
    const std::string &path() const { return m_path; }
    // Index of the frame the next read() returns.
    std::int64_t position() const { return m_position; }

    // Decodes the next frame into `frame` (RGB, 3 channels). False at the end; throws as above.
    bool read(Image &frame);
    // Positions before frame `index` (0-based): seeks with FFmpeg, then decodes forward to the
    // exact frame. Throws DatasetError when `index` is not below info().frameCount.
    void seek(std::int64_t index);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_path;
    VideoInfo m_info;
    std::int64_t m_position = 0;
};

} // namespace cgs
