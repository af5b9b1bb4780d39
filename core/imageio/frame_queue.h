#pragma once

#include "core/engine/image.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>

namespace cgs {

// A bounded first-in first-out queue of frames between two threads, closable from either side:
// the producer closes it at the end (or with an error, which the consumer receives), the
// consumer closes it to stop the producer early. Thread safety: all members may be called from
// any thread.
class FrameQueue {
public:
    explicit FrameQueue(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

    // Blocks while full. False (frame dropped) once the queue is closed.
    bool push(Image frame) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_frames.size() < m_capacity; });
        if (m_closed)
            return false;
        m_frames.push_back(std::move(frame));
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks while empty and open. False at the end (closed and drained); rethrows the error a
    // producer closed the queue with.
    bool pop(Image &frame) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_closed || !m_frames.empty(); });
        if (m_frames.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return false;
        }
        frame = std::move(m_frames.front());
        m_frames.pop_front();
        m_notFull.notify_one();
        return true;
    }

    // Ends the queue: pop() drains what is left, then returns false or rethrows `error`.
    void close(std::exception_ptr error = nullptr) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_closed && error)
            m_error = error;
        m_closed = true;
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

    // Ends the queue now and drops what is in it (the consumer gives up).
    void abandon() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_frames.clear();
        m_notFull.notify_all();
        m_notEmpty.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<Image> m_frames;
    std::size_t m_capacity;
    bool m_closed = false;
    std::exception_ptr m_error;
};

} // namespace cgs
