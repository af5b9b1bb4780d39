#pragma once

// A folder of cached reference features (the Inception features of a test folder's real
// images), so that evaluating many checkpoints, or evaluating again, runs the Inception network
// only on translated images. An entry is one file <dir>/<key>.features:
//   "CGSFEAT1", then int64 rows, int64 cols, int64 skipped, then rows * cols float32 (little
//   endian, as the machines we run on).
// The key is the caller's: `cyclegan eval` hashes the folder's file names, sizes and
// modification times and the weight file's hash (any change gives a new key). Entries are
// written atomically; a damaged entry reads as missing. No Torch types; reentrant.

#include "core/engine/metrics/feature_matrix.h"

#include <optional>
#include <string>

namespace cgs {

struct CachedFeatures {
    FeatureMatrix features;
    int skipped = 0; // unreadable images of the folder, left out of the features
};

class FeatureCache {
public:
    // `dir` is created on first store(); "" = defaultDir().
    explicit FeatureCache(std::string dir = "");

    std::optional<CachedFeatures> load(const std::string &key) const;
    // Throws IoError naming the file.
    void store(const std::string &key, const CachedFeatures &entry) const;

    const std::string &dir() const { return m_dir; }
    // $XDG_CACHE_HOME/cyclegan-studio/features (default ~/.cache/cyclegan-studio/features).
    static std::string defaultDir();

private:
    std::string m_dir;
};

} // namespace cgs
