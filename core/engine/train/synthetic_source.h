#pragma once

#include "core/engine/unpaired_source.h"

namespace cgs {

// Generated training pairs, no files: smooth colour blobs on a gradient, domain B with the
// colour channels rotated. Deterministic in (seed, epoch, index). For the benchmark, the GPU
// tests and engine tests on machines without image decoders.
class SyntheticSource : public UnpairedSource {
public:
    SyntheticSource(int size, std::int64_t count);

    std::int64_t size() const override { return m_count; }
    std::int64_t sizeA() const override { return m_count; }
    std::int64_t sizeB() const override { return m_count; }
    void setSeed(std::uint64_t seed) override { m_seed = seed; }
    TrainingPair pair(int epoch, std::int64_t index) override;
    TrainingPair previewPair(int k) override;

private:
    Image make(std::uint64_t key, bool domainB) const;

    int m_size;
    std::int64_t m_count;
    std::uint64_t m_seed = 0;
};

} // namespace cgs
