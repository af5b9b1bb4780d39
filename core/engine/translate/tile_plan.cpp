#include "core/engine/translate/tile_plan.h"

#include <algorithm>
#include <stdexcept>

namespace cgs {

TilePlan::TilePlan(std::int64_t axisLength, std::int64_t tileLength, std::int64_t overlap)
    : m_axis(axisLength), m_length(std::min(axisLength, tileLength)) {
    if (axisLength < 1 || tileLength < 1 || overlap < 0)
        throw std::invalid_argument("TilePlan: lengths must be >= 1 and overlap >= 0");
    if (m_length == m_axis) {
        m_starts.push_back(0);
        return;
    }
    // Overlap of at most half a tile keeps every tile contributing a core of its own.
    const std::int64_t ov = std::min(overlap, m_length / 2);
    const std::int64_t stride = std::max<std::int64_t>(4, (m_length - ov) / 4 * 4);
    const std::int64_t span = m_axis - m_length;
    const std::int64_t n = (span + stride - 1) / stride + 1;
    // Evenly spread, rounded down to the 4-pixel grid: gaps stay <= stride (a multiple of 4),
    // so each overlap is >= ov; the last tile reaches the axis end.
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int64_t start = i * span / (n - 1) / 4 * 4;
        if (!m_starts.empty() && m_starts.back() == start)
            m_starts.pop_back(); // span < 4: the last tile alone covers it
        m_starts.push_back(start);
    }
}

std::vector<float> TilePlan::weights(int i) const {
    const std::int64_t len = length(i);
    std::vector<float> w(static_cast<std::size_t>(len), 1.0f);
    const std::int64_t s = m_starts[i];
    if (i > 0) {
        const std::int64_t ov = m_starts[i - 1] + length(i - 1) - s;
        for (std::int64_t k = 0; k < std::min(ov, len); ++k)
            w[k] = std::min(w[k], static_cast<float>((k + 0.5) / ov));
    }
    if (i + 1 < count()) {
        const std::int64_t ov = s + len - m_starts[i + 1];
        for (std::int64_t k = std::max<std::int64_t>(0, len - ov); k < len; ++k)
            w[k] = std::min(w[k], static_cast<float>((len - k - 0.5) / ov));
    }
    return w;
}

} // namespace cgs
