#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace cgs {

// Pause / resume / stop requests for a long operation, honoured between training steps.
// Thread safety: every method may be called from any thread.
class TrainControl {
public:
    void requestStop() {
        m_stop = true;
        m_cv.notify_all();
    }
    void requestPause() { m_pause = true; }
    void resume() {
        m_pause = false;
        m_cv.notify_all();
    }
    bool stopRequested() const { return m_stop; }
    bool pauseRequested() const { return m_pause; }
    void reset() {
        m_stop = false;
        m_pause = false;
    }

    // Blocks while paused; returns false when a stop was requested.
    bool waitWhilePaused() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [this] { return !m_pause || m_stop; });
        return !m_stop;
    }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_pause{false};
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

} // namespace cgs
