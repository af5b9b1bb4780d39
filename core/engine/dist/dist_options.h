#pragma once

#include <string>

namespace cgs {

// How a multi-process job talks (`--dist_backend`, `--dist_timeout`). Plain values.
struct DistOptions {
    // "auto": NCCL when the run's device is a CUDA device and LibTorch has NCCL, Gloo otherwise;
    // "gloo" (CPU or CUDA tensors) or "nccl" (CUDA only) to choose.
    std::string backend = "auto";
    // Seconds any rendezvous or collective may wait for the other ranks before the run stops
    // with an error naming the missing rank (PyTorch's default for init_process_group: 1800).
    double timeoutSeconds = 1800;

    // Throws ConfigError naming --dist_backend / --dist_timeout.
    void validate() const;
};

} // namespace cgs
