#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace cgs {

// Pause / resume / stop requests for a long operation, honoured between training steps.
// Thread safety: every method may be called from any thread. The flags change under the
// mutex that waitWhilePaused() waits with, so a resume or stop can never slip in between
// the waiter's check and its sleep (no lost wake-up). Not async-signal-safe: a signal
// handler must not call these (it sets a flag that a normal thread turns into requestStop(),
// as the CLI's StopSignalWatcher does).
class TrainControl {
public:
    void requestStop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
    }
    void requestPause() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pause = true;
    }
    void resume() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_pause = false;
        }
        m_cv.notify_all();
    }
    // Lock-free reads: the trainer polls these between steps.
    bool stopRequested() const { return m_stop; }
    bool pauseRequested() const { return m_pause; }
    void reset() {
        std::lock_guard<std::mutex> lock(m_mutex);
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
