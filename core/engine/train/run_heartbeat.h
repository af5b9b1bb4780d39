#pragma once

#include "core/engine/train/run_folder.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace cgs {

// Keeps <run>/heartbeat.json fresh while a training runs (the format and the staleness rule are
// RunFolder's). A thread of its own rewrites the file every RunFolder::kHeartbeatSeconds with
// the progress last given, and at once when the state changes, so that a long step, a pause
// or a slow checkpoint never makes a live run look dead. progress(), setPaused() and end() may
// be called from any thread (the training thread calls them). The destructor writes the ending
// given to end(), or "failed" when end() was not called (an exception is leaving the run), and
// joins the thread. A write that fails (disk full, folder gone) is retried at the next beat and
// never stops the training.
class RunHeartbeat {
public:
    RunHeartbeat(RunFolder folder, int totalEpochs, std::int64_t totalIterations);
    ~RunHeartbeat();
    RunHeartbeat(const RunHeartbeat &) = delete;
    RunHeartbeat &operator=(const RunHeartbeat &) = delete;

    // The epoch in progress (1-based) and the steps done.
    void progress(int epoch, std::int64_t iteration);
    enum class Pause { Paused, Running };
    void setPause(Pause pause);
    // The run's ending (Stopped, Finished or Failed), written by the destructor.
    void end(RunFolder::RunState state, std::string message = {});

    // This host's name, as the heartbeat gives it ("" when unknown).
    static std::string hostName();

private:
    void beat();
    void loop();

    RunFolder m_folder;
    RunFolder::Heartbeat m_beat; // guarded by m_mutex
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_changed = false;
    bool m_quit = false;
    bool m_ended = false;
    std::thread m_thread;
};

} // namespace cgs
