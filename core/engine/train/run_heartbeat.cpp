#include "core/engine/train/run_heartbeat.h"

#include <unistd.h>

#include <chrono>

namespace cgs {

std::string RunHeartbeat::hostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return {};
    return name;
}

RunHeartbeat::RunHeartbeat(RunFolder folder, int totalEpochs, std::int64_t totalIterations)
    : m_folder(std::move(folder)) {
    m_beat.state = RunFolder::RunState::Training;
    m_beat.host = hostName();
    m_beat.pid = static_cast<long long>(::getpid());
    m_beat.totalEpochs = totalEpochs;
    m_beat.totalIterations = totalIterations;
    beat(); // "training now" from the first moment
    m_thread = std::thread([this] { loop(); });
}

RunHeartbeat::~RunHeartbeat() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        if (!m_ended) {
            m_beat.state = RunFolder::RunState::Failed;
            m_beat.message = "The training ended on an error (its log names it)";
        }
    }
    m_wake.notify_all();
    m_thread.join();
    beat(); // the ending
}

void RunHeartbeat::progress(int epoch, std::int64_t iteration) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_beat.epoch = epoch;
    m_beat.iteration = iteration;
}

void RunHeartbeat::setPause(Pause pause) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_beat.state =
            pause == Pause::Paused ? RunFolder::RunState::Paused : RunFolder::RunState::Training;
        m_changed = true;
    }
    m_wake.notify_all();
}

void RunHeartbeat::end(RunFolder::RunState state, std::string message) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_beat.state = state;
    m_beat.message = std::move(message);
    m_ended = true;
}

void RunHeartbeat::beat() {
    RunFolder::Heartbeat copy;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        copy = m_beat;
        m_changed = false;
    }
    copy.updated = 0; // now
    try {
        m_folder.writeHeartbeat(copy);
    } catch (const std::exception &) {
        // Retried at the next beat; a heartbeat is not worth stopping a training for.
    }
}

void RunHeartbeat::loop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_quit) {
        m_wake.wait_for(lock, std::chrono::seconds(RunFolder::kHeartbeatSeconds),
                        [this] { return m_quit || m_changed; });
        if (m_quit)
            break;
        lock.unlock();
        beat();
        lock.lock();
    }
}

} // namespace cgs
