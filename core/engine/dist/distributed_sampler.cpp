#include "core/engine/dist/distributed_sampler.h"

namespace cgs {

DistributedSampler::DistributedSampler(std::int64_t datasetSize, int rank, int worldSize)
    : m_size(datasetSize), m_rank(rank), m_worldSize(worldSize),
      m_perRank((datasetSize + worldSize - 1) / worldSize) {}

std::int64_t DistributedSampler::position(std::int64_t local) const {
    // Padding repeats the start of the order (indices += indices[:padding]).
    return (m_rank + local * m_worldSize) % m_size;
}

} // namespace cgs
