#pragma once

#include "core/engine/dist/dist_compat.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace cgs {

// Heartbeats and fault diagnosis of a multi-process job. A background thread writes
// "cgs/hb/<rank>" = "<beat> <step>" to the job's store every kBeat through its own store
// connection (the main connection may sit in a long wait); when a collective fails, diagnose()
// reads every other rank's heartbeat twice, kStale apart, and its failure note, and says which
// rank died (heartbeat stopped), hung (heartbeat alive, step behind), or failed on its own
// (note left by reportFailure()). Engine-internal; setProgress() is thread safe, the rest is
// called from the training thread.
class RankMonitor {
public:
    static constexpr std::chrono::milliseconds kBeat{500};
    static constexpr std::chrono::milliseconds kStale{1600};

    RankMonitor(c10::intrusive_ptr<c10d::Store> store, const std::string &host, int port,
                int rank, int worldSize, std::chrono::milliseconds timeout);
    ~RankMonitor();
    RankMonitor(const RankMonitor &) = delete;
    RankMonitor &operator=(const RankMonitor &) = delete;

    void setProgress(std::int64_t step) { m_progress.store(step); }
    void reportFailure(const std::string &message) noexcept;

    // A message for a failed collective: "rank 1 stopped responding (...)" plus `cause` (the
    // backend's own words). Never throws; waits about kStale.
    std::string diagnose(const std::string &cause);

private:
    void beat();

    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::Store> m_beatStore;
    std::string m_host;
    int m_port;
    int m_rank;
    int m_worldSize;
    std::atomic<std::int64_t> m_progress{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace cgs
