#pragma once

#include "core/imageio/frame_queue.h"
#include "core/imageio/video_reader.h"

#include <cstdint>
#include <thread>

namespace cgs {

// Decodes frames [first, end) of an open VideoReader in a worker thread, up to `ahead` frames
// before they are taken, so that whoever takes them never waits for the disk or the decoder.
//
//   cgs::VideoReader video("clip.mkv");
//   cgs::DecodeAhead frames(video, 0, video.info().frameCount, 8);
//   cgs::Image f;  while (frames.next(f)) use(f);
//
// The reader belongs to the worker until this object is destroyed (the destructor stops and
// joins it). next() rethrows the reader's DatasetError (truncated file, seek outside the video).
// Thread safety: next() from one thread.
class DecodeAhead {
public:
    // end < 0: to the end of the stream.
    DecodeAhead(VideoReader &reader, std::int64_t first, std::int64_t end, int ahead);
    ~DecodeAhead();
    DecodeAhead(const DecodeAhead &) = delete;
    DecodeAhead &operator=(const DecodeAhead &) = delete;

    bool next(Image &frame);

private:
    void decode(std::int64_t first, std::int64_t end);

    VideoReader &m_reader;
    FrameQueue m_queue;
    std::thread m_thread;
};

} // namespace cgs
