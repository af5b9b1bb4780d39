#pragma once

#include "core/engine/dist/dist_env.h"
#include "core/engine/dist/dist_options.h"
#include "core/engine/dist/process_group.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace cgs::cli {

// --dist_backend and --dist_timeout, shared by train and translate.
void addDistOptions(CLI::App *cmd, DistOptions &options);

// Where one process of a job runs and through which backend.
struct RankPlacement {
    std::string device;     // "cpu", "cuda:N" or the user's explicit device
    std::string backend;    // options' backend; "auto" becomes "gloo" when processes share a GPU
    bool sharesGpu = false; // more processes on this machine than GPUs (round robin)
};

// Pure rule behind joinFromEnvironment (env from torchrun; gpuCount = CUDA devices seen, 0 none):
// `cuda` and `auto` with CUDA -> cuda:(LOCAL_RANK mod gpuCount), each process its own GPU while
// there are enough (torchrun --nproc_per_node = GPUs); an explicit cuda:N or cpu is kept. With
// more local processes than GPUs they share them, which Gloo allows and NCCL refuses: backend
// auto then picks gloo, and an explicit nccl throws ConfigError naming the counts.
RankPlacement placeRank(const DistEnv &env, const std::string &device, int gpuCount,
                        const std::string &backend);

// Under torchrun (WORLD_SIZE > 1): pins `device` to this process's GPU (placeRank) and joins the job; nullptr for a single process. Throws
// ConfigError (bad variables or options) and DistributedError (rendezvous failed).
std::shared_ptr<ProcessGroup> joinFromEnvironment(const DistEnv &env, const DistOptions &options,
                                                  std::string &device);

} // namespace cgs::cli
