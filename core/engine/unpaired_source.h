#pragma once

#include "core/engine/image.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace cgs {

// One training example: an image of domain A and one of domain B, already resized, cropped
// and flipped (8-bit RGB, crop_size x crop_size unless the preprocess mode keeps sizes).
struct TrainingPair {
    Image a;
    Image b;
    std::string pathA;
    std::string pathB;
};

// A deterministic source of unpaired training examples; how the trainer reaches a dataset
// without knowing about files or decoders (core/imageio implements it over folders, the
// benchmark and the GPU tests over synthetic images).
//
// pair(epoch, index) must be a pure function of (seed, epoch, index): the same arguments give
// the same images whatever was asked before, which is what makes resume exact. Sources may
// prefetch in background threads, guessing that index + 1 comes next.
// Thread safety: called from the training thread only.
class UnpairedSource {
public:
    virtual ~UnpairedSource() = default;

    // Examples per epoch: max(|A|, |B|) (after max_dataset_size).
    virtual std::int64_t size() const = 0;
    virtual std::int64_t sizeA() const = 0;
    virtual std::int64_t sizeB() const = 0;

    // The run's seed; the trainer calls it once, before the first pair(). Every random choice
    // (B index, A order, crop offsets, flips) derives from (seed, epoch, index).
    virtual void setSeed(std::uint64_t seed) = 0;

    // Example `index` (0 <= index < size()) of `epoch` (1-based). Throws DatasetError only when
    // no image of a domain can be read at all; single unreadable files are skipped and
    // reported through the warning callback.
    virtual TrainingPair pair(int epoch, std::int64_t index) = 0;

    // A fixed example for previews: no random crop or flip, the same on every call.
    virtual TrainingPair previewPair(int k) = 0;

    // Called with a message naming a file that was skipped, from any thread. Messages from
    // before a handler was set (files left out when the folders were scanned) are handed to
    // the first handler set, in order.
    void setWarningHandler(std::function<void(const std::string &)> handler) {
        std::vector<std::string> early;
        {
            std::lock_guard<std::mutex> lock(m_warnMutex);
            m_warn = std::move(handler);
            early.swap(m_early);
        }
        for (const auto &message : early)
            warn(message);
    }

protected:
    void warn(const std::string &message) const {
        std::function<void(const std::string &)> handler;
        {
            std::lock_guard<std::mutex> lock(m_warnMutex);
            if (!m_warn) {
                m_early.push_back(message);
                return;
            }
            handler = m_warn;
        }
        handler(message);
    }

private:
    mutable std::mutex m_warnMutex;
    std::function<void(const std::string &)> m_warn;
    mutable std::vector<std::string> m_early; // warnings before a handler was set
};

// Writes preview grids. core/imageio implements it with PNG; without one the trainer writes
// binary PPM files, so the engine alone still leaves viewable previews.
class ImageWriter {
public:
    virtual ~ImageWriter() = default;
    virtual std::string extension() const = 0; // e.g. ".png"
    virtual void write(const std::string &path, const Image &image) = 0; // throws IoError
};

} // namespace cgs
