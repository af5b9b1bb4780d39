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

// Under torchrun (WORLD_SIZE > 1): pins `device` to this process's GPU (cuda -> cuda:LOCAL_RANK;
// auto too when CUDA is there) and joins the job; nullptr for a single process. Throws
// ConfigError (bad variables or options) and DistributedError (rendezvous failed).
std::shared_ptr<ProcessGroup> joinFromEnvironment(const DistEnv &env, const DistOptions &options,
                                                  std::string &device);

} // namespace cgs::cli
