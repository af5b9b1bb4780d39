#pragma once

#include "core/imageio/frame_queue.h"
#include "core/imageio/video_writer.h"

#include <exception>
#include <thread>

namespace cgs {

// Encodes frames into a VideoWriter in a worker thread, up to `behind` frames after they were
// handed over, so that whoever produces them never waits for the encoder or the disk.
//
//   cgs::WriteBehind out(writer, 8);
//   out.push(frame);   ...
//   out.finish();      // waits for the last frame; rethrows the writer's IoError
//   writer.commit();
//
// push() rethrows an error of the writer as soon as it is known. The destructor (without
// finish()) stops the worker and drops queued frames. Thread safety: one producer thread.
class WriteBehind {
public:
    WriteBehind(VideoWriter &writer, int behind);
    ~WriteBehind();
    WriteBehind(const WriteBehind &) = delete;
    WriteBehind &operator=(const WriteBehind &) = delete;

    void push(Image frame);
    void finish();

private:
    void encode();
    void rethrowError();

    VideoWriter &m_writer;
    FrameQueue m_queue;
    std::thread m_thread;
    std::exception_ptr m_error;
    std::mutex m_errorMutex;
};

} // namespace cgs
