#include "core/engine/train/synthetic_source.h"

#include <algorithm>
#include <cmath>

namespace cgs {
namespace {

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

double unit(std::uint64_t &state) {
    state = splitmix(state);
    return static_cast<double>(state >> 11) / 9007199254740992.0;
}

} // namespace

SyntheticSource::SyntheticSource(int size, std::int64_t count) : m_size(size), m_count(count) {}

Image SyntheticSource::make(std::uint64_t key, bool domainB) const {
    std::uint64_t s = splitmix(key ^ (domainB ? 0xB0B0ULL : 0xA0A0ULL));
    const double cx = unit(s) * m_size, cy = unit(s) * m_size, r = (0.15 + 0.25 * unit(s)) * m_size;
    const double base[3] = {unit(s), unit(s), unit(s)};
    Image img(m_size, m_size, 3);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            const double d = std::hypot(x - cx, y - cy) / r;
            const double blob = std::exp(-d * d);
            for (int c = 0; c < 3; ++c) {
                // Domain B rotates the channels: a colour mapping a generator can learn.
                const int src = domainB ? (c + 1) % 3 : c;
                const double v = 0.6 * base[src] * y / m_size + 0.4 * blob * (src == 0 ? 1.0 : 0.3);
                img.pixel(x, y)[c] = static_cast<std::uint8_t>(std::clamp(v, 0.0, 1.0) * 255.0);
            }
        }
    }
    return img;
}

TrainingPair SyntheticSource::pair(int epoch, std::int64_t index) {
    const std::uint64_t key = splitmix(m_seed ^ splitmix(static_cast<std::uint64_t>(epoch)) ^
                                       static_cast<std::uint64_t>(index) * 0x2545F4914F6CDD1DULL);
    return {make(key, false), make(splitmix(key), true), "synthetic:A", "synthetic:B"};
}

TrainingPair SyntheticSource::previewPair(int k) {
    const std::uint64_t key = splitmix(0xC0FFEEULL + static_cast<std::uint64_t>(k));
    return {make(key, false), make(key, true), "synthetic:A", "synthetic:B"};
}

} // namespace cgs
