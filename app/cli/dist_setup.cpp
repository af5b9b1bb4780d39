#include "app/cli/dist_setup.h"

#include "core/engine/device.h"

#include <cstdio>

namespace cgs::cli {

void addDistOptions(CLI::App *cmd, DistOptions &o) {
    cmd->add_option("--dist_backend", o.backend,
                    "Multi-process runs under torchrun: auto (nccl on CUDA, gloo on the CPU) | "
                    "gloo | nccl")
        ->capture_default_str();
    cmd->add_option("--dist_timeout", o.timeoutSeconds,
                    "Seconds a rank waits for the others before the job stops with an error")
        ->capture_default_str();
}

std::shared_ptr<ProcessGroup> joinFromEnvironment(const DistEnv &env, const DistOptions &options,
                                                  std::string &device) {
    options.validate();
    if (!env.distributed())
        return nullptr;
    const bool cuda = device.rfind("cuda", 0) == 0 ||
                      (device == "auto" && describeDevice("auto").cudaAvailable);
    if (cuda && (device == "auto" || device == "cuda"))
        device = "cuda:" + std::to_string(env.localRank); // each process takes its own GPU
    else if (device == "auto")
        device = "cpu";
    auto group = ProcessGroup::join(env, options, device);
    if (env.isMain())
        std::printf("distributed: %d processes, backend %s, this is %s\n", env.worldSize,
                    group->backendName().c_str(), env.describe().c_str());
    std::fflush(stdout);
    return group;
}

} // namespace cgs::cli
