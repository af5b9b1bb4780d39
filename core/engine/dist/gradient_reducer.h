#pragma once

#include "core/engine/dist/process_group.h"

#include <torch/torch.h>

#include <vector>

namespace cgs {

// Averages the gradients of a set of parameters over all ranks after a backward pass, as
// PyTorch's DistributedDataParallel does: the gradients are copied into a few large flat
// buffers (buckets of about `bucketBytes`, parameters in their given order, one dtype and
// device per bucket), each bucket is all-reduced (all started before the first is waited for),
// divided by the world size and copied back. A parameter without a gradient counts as zero
// (it gets a zero gradient, so that every rank reduces the same buffers).
// The reduction follows the backward pass instead of overlapping it: LibTorch's C++ API has no
// per-parameter "gradient ready" hook in 1.13. Not thread safe.
class GradientReducer {
public:
    static constexpr std::int64_t kDefaultBucketBytes = 25 << 20; // DDP's bucket_cap_mb

    GradientReducer(ProcessGroup &group, std::vector<torch::Tensor> parameters,
                    std::int64_t bucketBytes = kDefaultBucketBytes);

    void averageGradients();

    int bucketCount() const { return static_cast<int>(m_buckets.size()); }
    double lastSeconds() const { return m_lastSeconds; } // wall time of the last call

private:
    struct Bucket {
        std::vector<size_t> members; // indices into m_parameters
        torch::Tensor flat;
    };
    ProcessGroup &m_group;
    std::vector<torch::Tensor> m_parameters;
    std::vector<Bucket> m_buckets;
    double m_lastSeconds = 0;
};

} // namespace cgs
