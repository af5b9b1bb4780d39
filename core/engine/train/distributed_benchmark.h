#pragma once

#include "core/engine/dist/process_group.h"
#include "core/engine/train/benchmark.h"

#include <string>

namespace cgs {

// `cyclegan bench` under torchrun: every rank times data-parallel training steps on synthetic
// data (the gradients averaged over the group after each backward, as in training), and rank 0
// gets the slowest rank's median step time (a data-parallel step ends when the slowest rank's
// does) and the median time spent in the gradient all-reduce.
struct DistBenchResult {
    BenchResult step;           // on rank 0: of the slowest rank; imagesPerS = global (all ranks)
    double allReduceMs = 0;     // median per step (G and D gradients), the slowest rank's
    int worldSize = 1;
    std::string backend;
};

// Collective: every rank calls it with the same options. Throws ConfigError (mode translate
// is not data parallel), DistributedError.
DistBenchResult runDistributedBenchmark(const BenchOptions &options, ProcessGroup &group);

} // namespace cgs
