#include "core/engine/metrics/feature_cache.h"

#include "core/engine/atomic_file.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cgs {
namespace {

constexpr char kMagic[8] = {'C', 'G', 'S', 'F', 'E', 'A', 'T', '1'};

} // namespace

FeatureCache::FeatureCache(std::string dir) : m_dir(dir.empty() ? defaultDir() : std::move(dir)) {}

std::string FeatureCache::defaultDir() {
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    const char *home = std::getenv("HOME");
    const std::string base = xdg && *xdg ? xdg : std::string(home ? home : ".") + "/.cache";
    return base + "/cyclegan-studio/features";
}

std::optional<CachedFeatures> FeatureCache::load(const std::string &key) const {
    std::ifstream in(m_dir + "/" + key + ".features", std::ios::binary);
    if (!in)
        return std::nullopt;
    char magic[8];
    std::int64_t header[3];
    if (!in.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0 ||
        !in.read(reinterpret_cast<char *>(header), sizeof header))
        return std::nullopt;
    if (header[0] < 0 || header[1] < 1 || header[1] > 65536 || header[0] > (1LL << 24))
        return std::nullopt;
    CachedFeatures entry;
    entry.features.rows = header[0];
    entry.features.cols = header[1];
    entry.skipped = static_cast<int>(header[2]);
    entry.features.values.resize(static_cast<size_t>(header[0] * header[1]));
    const auto bytes = static_cast<std::streamsize>(entry.features.values.size() * sizeof(float));
    if (!in.read(reinterpret_cast<char *>(entry.features.values.data()), bytes) ||
        in.peek() != std::char_traits<char>::eof())
        return std::nullopt;
    return entry;
}

void FeatureCache::store(const std::string &key, const CachedFeatures &entry) const {
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    std::string bytes(kMagic, 8);
    const std::int64_t header[3] = {entry.features.rows, entry.features.cols, entry.skipped};
    bytes.append(reinterpret_cast<const char *>(header), sizeof header);
    bytes.append(reinterpret_cast<const char *>(entry.features.values.data()),
                 entry.features.values.size() * sizeof(float));
    writeFileAtomically(m_dir + "/" + key + ".features", bytes.data(), bytes.size(),
                        "write the feature cache");
}

} // namespace cgs
