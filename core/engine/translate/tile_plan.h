#pragma once

#include <cstdint>
#include <vector>

namespace cgs {

// Where the tiles of one image axis go and how much each pixel of a tile counts when the
// overlapping tiles are blended. Pure arithmetic, no Torch; reentrant.
//
//   cgs::TilePlan plan(6000, 1024, 32);   // 7 tiles of 1024 pixels, overlaps >= 32
//   for (int i = 0; i < plan.count(); ++i) use(plan.start(i), plan.length(i), plan.weights(i));
//
// Tiles are spread evenly from 0 to `axisLength`, each `tileLength` long (one tile of the whole
// axis when it fits; the last one up to 3 pixels longer), so neighbours overlap by at least
// `overlap` pixels (at most half a tile). Every tile starts at a multiple of 4: the generator
// downsamples twice by 2, so only tiles on the same 4-pixel grid as the whole image sample it
// alike (elsewhere a random or weakly trained network gives visibly different results). Inside an
// overlap the weight of one tile ramps linearly from ~0 to ~1 while its neighbour's ramps from ~1
// to ~0, so the weights of all tiles sum to 1 at every pixel and a tile's edge, where its context
// is cut off, counts least.
class TilePlan {
public:
    // axisLength >= 1, tileLength >= 1, overlap >= 0.
    TilePlan(std::int64_t axisLength, std::int64_t tileLength, std::int64_t overlap);

    int count() const { return static_cast<int>(m_starts.size()); }
    std::int64_t start(int i) const { return m_starts[i]; }
    std::int64_t length(int i) const { return i + 1 == count() ? m_axis - m_starts[i] : m_length; }
    // Blend weight of each pixel of tile i, in (0, 1]; size length(i).
    std::vector<float> weights(int i) const;

private:
    std::int64_t m_axis;
    std::int64_t m_length;
    std::vector<std::int64_t> m_starts;
};

} // namespace cgs
