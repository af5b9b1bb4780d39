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
    const std::int64_t stride = m_length - ov;
    const std::int64_t n = (m_axis - ov + stride - 1) / stride;
    const std::int64_t span = m_axis - m_length;
    // Evenly spread, the last tile ending exactly at the axis end; floor keeps every gap
    // <= stride, so each overlap is >= ov.
    for (std::int64_t i = 0; i < std::max<std::int64_t>(n, 2); ++i)
        m_starts.push_back(i * span / (std::max<std::int64_t>(n, 2) - 1));
}

std::vector<float> TilePlan::weights(int i) const {
    std::vector<float> w(static_cast<std::size_t>(m_length), 1.0f);
    const std::int64_t s = m_starts[i];
    if (i > 0) {
        const std::int64_t ov = m_starts[i - 1] + m_length - s;
        for (std::int64_t k = 0; k < std::min(ov, m_length); ++k)
            w[k] = std::min(w[k], static_cast<float>((k + 0.5) / ov));
    }
    if (i + 1 < count()) {
        const std::int64_t ov = s + m_length - m_starts[i + 1];
        for (std::int64_t k = std::max<std::int64_t>(0, m_length - ov); k < m_length; ++k)
            w[k] = std::min(w[k], static_cast<float>((m_length - k - 0.5) / ov));
    }
    return w;
}

} // namespace cgs
