#pragma once

#include "core/engine/train/train_options.h"
#include "core/engine/unpaired_source.h"
#include "core/imageio/domain_files.h"
#include "core/imageio/preprocess.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace cgs {

// The training data of a run: two folders of images (see dataset_scan.h), decoded,
// preprocessed (preprocess.h) and paired the way the official UnalignedDataset + DataLoader do.
//
//   cgs::FolderSource source(options);          // scans both folders; throws DatasetError
//   source.setWarningHandler([](const std::string &m) { log(m); });
//   source.setSeed(seed);
//   cgs::TrainingPair p = source.pair(epoch, i); // 0 <= i < source.size()
//
// Pairing, for example `index` of `epoch` (official semantics):
//   j = serialBatches ? index : permutation(seed, epoch)[index]   (the DataLoader's shuffle)
//   A = files A[j % |A|]
//   B = serialBatches ? files B[j % |B|] : files B[hash(seed, epoch, index) % |B|]
// Crop offsets and flips are hashes of (seed, epoch, index, domain). pair() is therefore a pure
// function of (seed, epoch, index) and the files' contents: call order, prefetching and thread
// count never change its result.
//
// Unreadable files are skipped: the next readable file of the same domain is used instead and
// the file is reported once through the warning handler (from a worker thread). DatasetError
// comes only when no file of a domain can be read.
//
// Decoding runs in options.numThreads worker threads (0 = in the caller) that prefetch the
// examples after the last one asked for, wrapping into the next epoch; a bounded number of
// finished examples is kept. pair() and previewPair() are for one thread (the trainer's); the
// destructor stops and joins the workers after their current image.
class FolderSource : public UnpairedSource {
public:
    // Scans <dataroot>/<phase>A and B (or dirA / dirB), capped at maxDatasetSize, and keeps
    // loadSize, cropSize, preprocess, noFlip, serialBatches and numThreads.
    // Throws DatasetError when a folder is missing or has no images, or when --batch_size > 1
    // meets images that cannot be stacked (batch_size_check.h).
    explicit FolderSource(const TrainOptions &options);
    ~FolderSource() override;

    FolderSource(const FolderSource &) = delete;
    FolderSource &operator=(const FolderSource &) = delete;

    std::int64_t size() const override;
    std::int64_t sizeA() const override;
    std::int64_t sizeB() const override;

    // Default seed is 0. Drops prefetched examples of the previous seed.
    void setSeed(std::uint64_t seed) override;

    // Throws std::out_of_range for index outside [0, size()) or epoch < 1, DatasetError as
    // above.
    TrainingPair pair(int epoch, std::int64_t index) override;

    // A[k % |A|] and B[k % |B|] (k < 0 counts from the end), resized as the mode resizes,
    // centre-cropped, not flipped.
    TrainingPair previewPair(int k) override;

    const std::vector<std::string> &filesA() const { return m_a.files(); }
    // The messages of the files that the scan left out (unreadableImageCause), A's first;
    // also handed to the warning handler.
    const std::vector<std::string> &leftOut() const { return m_leftOut; }
    const std::vector<std::string> &filesB() const { return m_b.files(); }

    // How many examples ahead the workers decode.
    int prefetchDepth() const { return m_depth; }

    // pair() calls answered from the prefetch (ready or being decoded) vs. decoded in the
    // caller; for diagnostics and tests.
    struct PrefetchStats {
        std::int64_t hits = 0;
        std::int64_t misses = 0;
    };
    PrefetchStats prefetchStats();

private:
    struct Key {
        std::uint64_t seed;
        int epoch;
        std::int64_t index;
        bool operator<(const Key &o) const {
            return std::tie(seed, epoch, index) < std::tie(o.seed, o.epoch, o.index);
        }
        bool operator==(const Key &o) const {
            return seed == o.seed && epoch == o.epoch && index == o.index;
        }
    };
    struct Slot {
        bool ready = false;
        TrainingPair pair;
        std::exception_ptr error;
    };

    TrainingPair compute(const Key &key) const;
    std::size_t shuffledIndex(const Key &key) const;
    Key advance(Key key, int steps) const;
    bool inWindow(const Key &key) const; // requires m_mutex
    void schedule(const Key &from);      // requires m_mutex
    void workerLoop();
    void stopWorkers();

    PreprocessOptions m_preprocess;
    bool m_serial = false;
    // Files left out when the folders were scanned (not images at all); declared before m_a
    // and m_b, whose initialisers fill it.
    std::vector<std::string> m_leftOut;
    DomainFiles m_a;
    DomainFiles m_b;
    int m_depth = 0;

    mutable std::mutex m_permMutex;
    mutable std::map<std::pair<std::uint64_t, int>,
                     std::shared_ptr<const std::vector<std::uint32_t>>>
        m_permutations;

    std::mutex m_mutex;
    std::condition_variable m_workCv;
    std::condition_variable m_readyCv;
    std::uint64_t m_seed = 0;
    Key m_cursor{0, 0, -1}; // the last key asked for
    std::map<Key, Slot> m_slots;
    std::deque<Key> m_queue;
    bool m_stop = false;
    PrefetchStats m_stats;
    std::vector<std::thread> m_workers;
};

} // namespace cgs
