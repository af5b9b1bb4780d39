#pragma once

#include <cstdint>

namespace cgs {

// PyTorch's DistributedSampler rule over one epoch's order: the epoch's permutation (made by the
// data source from (seed, epoch), the same on every rank) is padded to a multiple of the world
// size by repeating its first entries, and rank r takes positions r, r + world, r + 2 world, ...
// Positions are what UnpairedSource::pair(epoch, position) takes, so every random choice of a
// sample is a function of (seed, epoch, position) whichever rank draws it.
// A world of 1 gives the plain order. Plain value; thread safe.
class DistributedSampler {
public:
    DistributedSampler(std::int64_t datasetSize, int rank, int worldSize);

    // ceil(datasetSize / worldSize): the samples each rank draws per epoch.
    std::int64_t samplesPerRank() const { return m_perRank; }
    // The steps of an epoch on each rank for a per-rank batch size.
    std::int64_t stepsPerEpoch(int batchSize) const {
        return (m_perRank + batchSize - 1) / batchSize;
    }
    // The epoch position of this rank's `local`-th sample (0 <= local < samplesPerRank()).
    std::int64_t position(std::int64_t local) const;

private:
    std::int64_t m_size;
    int m_rank;
    int m_worldSize;
    std::int64_t m_perRank;
};

} // namespace cgs
