#include "core/imageio/folder_source.h"

#include "core/engine/error.h"
#include "core/imageio/batch_size_check.h"
#include "core/imageio/dataset_scan.h"
#include "core/imageio/hash_mix.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace cgs {
namespace {

// Purpose tags keep the hashes of different random choices independent.
constexpr std::uint64_t kTagPermutation = 0x7065726D; // "perm"
constexpr std::uint64_t kTagIndexB = 0x696E6442;      // "indB"
constexpr std::uint64_t kTagAugmentA = 0x61756741;    // "augA"
constexpr std::uint64_t kTagAugmentB = 0x61756742;    // "augB"

std::vector<std::uint32_t> makePermutation(std::size_t n, std::uint64_t bits) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n; i > 1; --i) { // Fisher-Yates, counter-based draws
        const auto j = static_cast<std::size_t>(uniformBelow(splitmix64(bits + i), i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

constexpr int kMaxThreads = 32;

int prefetchDepthFor(int threads) {
    return threads <= 0 ? 0 : std::clamp(2 * threads, 2, 16);
}

} // namespace

FolderSource::FolderSource(const TrainOptions &options)
    : m_preprocess(PreprocessOptions::fromTrainOptions(options)), m_serial(options.serialBatches),
      m_a("A", domainFolder(options, Domain::A), scanDomain(options, Domain::A, &m_leftOut),
          [this](const std::string &m) { warn(m); }),
      m_b("B", domainFolder(options, Domain::B), scanDomain(options, Domain::B, &m_leftOut),
          [this](const std::string &m) { warn(m); }),
      m_depth(prefetchDepthFor(options.numThreads)) {
    if (m_a.size() == 0 || m_b.size() == 0) // maxDatasetSize == 0
        throw DatasetError("max_dataset_size " + std::to_string(options.maxDatasetSize) +
                           " leaves no image to train on");
    for (const auto &message : m_leftOut) // to the first warning handler (the trainer's log)
        warn(message);
    requireOneSizePerBatch(options, "A", m_a.files());
    requireOneSizePerBatch(options, "B", m_b.files());
    try {
        for (int i = 0; i < std::clamp(options.numThreads, 0, kMaxThreads); ++i)
            m_workers.emplace_back([this] { workerLoop(); });
    } catch (...) { // no destructor runs for a half-built object: join what was started
        stopWorkers();
        throw;
    }
}

FolderSource::~FolderSource() {
    stopWorkers();
}

void FolderSource::stopWorkers() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_workCv.notify_all();
    for (std::thread &worker : m_workers)
        if (worker.joinable())
            worker.join();
}

std::int64_t FolderSource::size() const {
    return static_cast<std::int64_t>(std::max(m_a.size(), m_b.size()));
}
std::int64_t FolderSource::sizeA() const {
    return static_cast<std::int64_t>(m_a.size());
}
std::int64_t FolderSource::sizeB() const {
    return static_cast<std::int64_t>(m_b.size());
}

void FolderSource::setSeed(std::uint64_t seed) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_seed = seed;
    m_queue.clear();
    // Pending slots stay so that their workers find them; they fall out of the window below.
    m_cursor = Key{seed, 0, -1};
    for (auto it = m_slots.begin(); it != m_slots.end();)
        it = it->second.ready ? m_slots.erase(it) : std::next(it);
}

TrainingPair FolderSource::pair(int epoch, std::int64_t index) {
    if (epoch < 1 || index < 0 || index >= size())
        throw std::out_of_range("FolderSource::pair: epoch " + std::to_string(epoch) + ", index " +
                                std::to_string(index) + " outside [0, " + std::to_string(size()) +
                                ")");
    std::unique_lock<std::mutex> lock(m_mutex);
    const Key key{m_seed, epoch, index};
    m_cursor = key;
    for (auto it = m_slots.begin(); it != m_slots.end();) // drop what fell out of the window
        it = (it->second.ready && !inWindow(it->first)) ? m_slots.erase(it) : std::next(it);
    schedule(key);
    auto it = m_slots.find(key);
    if (it == m_slots.end()) { // not prefetched: decode here rather than wait for a worker
        ++m_stats.misses;
        lock.unlock();
        return compute(key);
    }
    ++m_stats.hits;
    m_readyCv.wait(lock, [&] { return it->second.ready; });
    Slot slot = std::move(it->second);
    m_slots.erase(it);
    if (slot.error)
        std::rethrow_exception(slot.error);
    return std::move(slot.pair);
}

FolderSource::PrefetchStats FolderSource::prefetchStats() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_stats;
}

TrainingPair FolderSource::previewPair(int k) {
    const auto wrap = [](std::int64_t k, std::size_t n) {
        const auto m = static_cast<std::int64_t>(n);
        return static_cast<std::size_t>(((k % m) + m) % m);
    };
    DomainFiles::Loaded a = m_a.load(wrap(k, m_a.size()));
    DomainFiles::Loaded b = m_b.load(wrap(k, m_b.size()));
    return TrainingPair{preprocessPreview(a.image, m_preprocess),
                        preprocessPreview(b.image, m_preprocess), a.path, b.path};
}

TrainingPair FolderSource::compute(const Key &key) const {
    const std::size_t j = m_serial ? static_cast<std::size_t>(key.index) : shuffledIndex(key);
    const auto index = static_cast<std::uint64_t>(key.index);
    const auto epoch = static_cast<std::uint64_t>(key.epoch);
    const std::size_t b =
        m_serial ? j % m_b.size()
                 : static_cast<std::size_t>(
                       uniformBelow(hashValues({key.seed, epoch, index, kTagIndexB}), m_b.size()));
    DomainFiles::Loaded loadedA = m_a.load(j % m_a.size());
    DomainFiles::Loaded loadedB = m_b.load(b);
    TrainingPair result;
    result.a = preprocessImage(loadedA.image, m_preprocess,
                               hashValues({key.seed, epoch, index, kTagAugmentA}));
    result.b = preprocessImage(loadedB.image, m_preprocess,
                               hashValues({key.seed, epoch, index, kTagAugmentB}));
    result.pathA = std::move(loadedA.path);
    result.pathB = std::move(loadedB.path);
    return result;
}

std::size_t FolderSource::shuffledIndex(const Key &key) const {
    const auto id = std::make_pair(key.seed, key.epoch);
    std::shared_ptr<const std::vector<std::uint32_t>> order;
    {
        std::lock_guard<std::mutex> lock(m_permMutex);
        auto it = m_permutations.find(id);
        if (it != m_permutations.end())
            return (*it->second)[static_cast<std::size_t>(key.index)];
    }
    // Built outside the lock (a few ms for 100k images); two threads may both build the same
    // one, which is harmless since it is a pure function of (seed, epoch).
    order = std::make_shared<const std::vector<std::uint32_t>>(makePermutation(
        static_cast<std::size_t>(size()),
        hashValues({key.seed, static_cast<std::uint64_t>(key.epoch), kTagPermutation})));
    std::lock_guard<std::mutex> lock(m_permMutex);
    if (m_permutations.size() >= 4) // the current epoch, the next, and a little slack
        m_permutations.erase(m_permutations.begin());
    m_permutations.emplace(id, order);
    return (*order)[static_cast<std::size_t>(key.index)];
}

FolderSource::Key FolderSource::advance(Key key, int steps) const {
    const std::int64_t n = size();
    const std::int64_t position = key.index + steps;
    key.epoch += static_cast<int>(position / n);
    key.index = position % n;
    return key;
}

bool FolderSource::inWindow(const Key &key) const {
    for (int step = 0; step <= m_depth; ++step)
        if (advance(m_cursor, step) == key)
            return true;
    return false;
}

void FolderSource::schedule(const Key &from) {
    if (m_workers.empty())
        return;
    m_queue.clear(); // only the current window is worth decoding
    for (int step = 1; step <= m_depth; ++step) {
        const Key next = advance(from, step);
        if (m_slots.find(next) == m_slots.end())
            m_queue.push_back(next);
    }
    m_workCv.notify_all();
}

void FolderSource::workerLoop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_workCv.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        const Key key = m_queue.front();
        m_queue.pop_front();
        if (m_slots.find(key) != m_slots.end() || !inWindow(key))
            continue;
        m_slots.emplace(key, Slot{});
        lock.unlock();
        Slot done;
        try {
            done.pair = compute(key);
        } catch (...) { // handed to the trainer's thread by pair(), which rethrows it
            done.error = std::current_exception();
        }
        done.ready = true;
        lock.lock();
        auto it = m_slots.find(key);
        if (it != m_slots.end())
            it->second = std::move(done);
        m_readyCv.notify_all();
    }
}

} // namespace cgs
