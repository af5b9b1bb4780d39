#include "core/engine/dist/rank_monitor.h"

#include <sstream>
#include <vector>

namespace cgs {
namespace {

std::string beatKey(int rank) { return "cgs/hb/" + std::to_string(rank); }
std::string failKey(int rank) { return "cgs/failed/" + std::to_string(rank); }

std::string toString(const std::vector<uint8_t> &bytes) {
    return std::string(bytes.begin(), bytes.end());
}

struct Beat {
    bool present = false;
    std::int64_t count = -1;
    std::int64_t step = -1;
};

Beat readBeat(c10d::Store &store, int rank) {
    Beat b;
    if (!store.check({beatKey(rank)}))
        return b;
    std::istringstream in(toString(store.get(beatKey(rank))));
    in >> b.count >> b.step;
    b.present = true;
    return b;
}

std::string shortCause(const std::string &cause) {
    std::string first = cause.substr(0, cause.find('\n'));
    return first.size() > 300 ? first.substr(0, 300) + "..." : first;
}

} // namespace

RankMonitor::RankMonitor(c10::intrusive_ptr<c10d::Store> store, const std::string &host, int port,
                         int rank, int worldSize, std::chrono::milliseconds timeout)
    : m_store(std::move(store)), m_host(host), m_port(port), m_rank(rank),
      m_worldSize(worldSize) {
    c10d::TCPStoreOptions opts;
    opts.port = static_cast<std::uint16_t>(port);
    opts.isServer = false;
    opts.waitWorkers = false; // an extra connection: not counted as a worker
    opts.timeout = timeout;
    m_beatStore = c10::make_intrusive<c10d::TCPStore>(host, opts);
    m_thread = std::thread([this] { beat(); });
}

RankMonitor::~RankMonitor() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void RankMonitor::beat() {
    std::int64_t count = 0;
    while (!m_stop) {
        try {
            const std::string value =
                std::to_string(++count) + " " + std::to_string(m_progress.load());
            m_beatStore->set(beatKey(m_rank), std::vector<uint8_t>(value.begin(), value.end()));
        } catch (...) {
            return; // the store is gone (rank 0 ended): nothing left to tell
        }
        for (int i = 0; i < 5 && !m_stop; ++i)
            std::this_thread::sleep_for(kBeat / 5);
    }
}

void RankMonitor::reportFailure(const std::string &message) noexcept {
    try {
        m_store->set(failKey(m_rank), std::vector<uint8_t>(message.begin(), message.end()));
    } catch (...) {
        // Best effort: the others then report this rank as dead instead.
    }
}

std::string RankMonitor::diagnose(const std::string &cause) {
    const std::string prefix = "Rank " + std::to_string(m_rank) + " of " +
                               std::to_string(m_worldSize) + " stopped: ";
    const std::string tail = " (backend: " + shortCause(cause) + ")";
    const std::int64_t mine = m_progress.load();
    std::vector<std::string> verdicts;
    try {
        std::vector<Beat> first(m_worldSize), second(m_worldSize);
        for (int r = 0; r < m_worldSize; ++r)
            if (r != m_rank)
                first[r] = readBeat(*m_store, r);
        std::this_thread::sleep_for(kStale);
        for (int r = 0; r < m_worldSize; ++r) {
            if (r == m_rank)
                continue;
            if (m_store->check({failKey(r)})) {
                verdicts.push_back("rank " + std::to_string(r) + " failed: " +
                                   toString(m_store->get(failKey(r))));
                continue;
            }
            second[r] = readBeat(*m_store, r);
            const std::string name = "rank " + std::to_string(r);
            if (!second[r].present)
                verdicts.push_back(name + " never reported (it died while starting)");
            else if (second[r].count == first[r].count)
                verdicts.push_back(name + " died (no heartbeat for " +
                                   std::to_string(kStale.count() / 1000.0).substr(0, 3) +
                                   " s; killed, crashed or cut off) at step " +
                                   std::to_string(second[r].step));
            else if (second[r].step < mine)
                verdicts.push_back(name + " hung (alive, but still at step " +
                                   std::to_string(second[r].step) + " while this rank is at " +
                                   std::to_string(mine) + ")");
        }
    } catch (const std::exception &) {
        if (m_rank != 0)
            return prefix + "rank 0 died or is unreachable (it serves the job's store at " +
                   m_host + ":" + std::to_string(m_port) + ", which no longer answers)" + tail;
        return prefix + "the job's store failed" + tail;
    }
    if (verdicts.empty())
        return prefix + "a collective failed, but every other rank looks alive" + tail;
    std::string all;
    for (const auto &v : verdicts)
        all += (all.empty() ? "" : "; ") + v;
    return prefix + all + tail;
}

} // namespace cgs
