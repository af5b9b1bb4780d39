#include "app/cli/dist_setup.h"

#include "core/engine/device.h"
#include "core/engine/error.h"

#include <algorithm>
#include <cstdio>

namespace cgs::cli {

void addDistOptions(CLI::App *cmd, DistOptions &o) {
    cmd->add_option("--dist_backend", o.backend,
                    "Multi-process runs under torchrun: auto (nccl on CUDA, gloo on the CPU or where "
                    "processes share a GPU) | "
                    "gloo | nccl")
        ->capture_default_str();
    cmd->add_option("--dist_timeout", o.timeoutSeconds,
                    "Seconds a rank waits for the others before the job stops with an error")
        ->capture_default_str();
}

RankPlacement placeRank(const DistEnv &env, const std::string &device, int gpuCount,
                        const std::string &backend) {
    RankPlacement p{device, backend, false};
    const bool cuda = device.rfind("cuda", 0) == 0 || (device == "auto" && gpuCount > 0);
    if (cuda && (device == "auto" || device == "cuda")) {
        const int gpus = std::max(1, gpuCount);
        p.sharesGpu = env.localWorldSize > gpus;
        p.device = "cuda:" + std::to_string(env.localRank % gpus);
    } else if (device == "auto") {
        p.device = "cpu";
    }
    if (p.sharesGpu && backend == "nccl")
        throw ConfigError("--dist_backend nccl: " + std::to_string(env.localWorldSize) +
                          " processes on this machine but " + std::to_string(std::max(1, gpuCount)) +
                          " GPU(s), and NCCL refuses two processes on one GPU; start one process "
                          "per GPU (torchrun --nproc_per_node), or let them share the GPUs through "
                          "--dist_backend gloo");
    if (p.sharesGpu && backend == "auto")
        p.backend = "gloo";
    return p;
}

std::shared_ptr<ProcessGroup> joinFromEnvironment(const DistEnv &env, const DistOptions &options,
                                                  std::string &device) {
    options.validate();
    if (!env.distributed())
        return nullptr;
    const DeviceStatus status = describeDevice("auto");
    const RankPlacement place = placeRank(
        env, device, status.cudaAvailable ? status.cudaDeviceCount : 0, options.backend);
    device = place.device;
    DistOptions chosen = options;
    chosen.backend = place.backend;
    auto group = ProcessGroup::join(env, chosen, device);
    if (env.isMain()) {
        std::printf("distributed: %d processes, backend %s, this is %s\n", env.worldSize,
                    group->backendName().c_str(), env.describe().c_str());
        if (place.sharesGpu)
            std::printf("distributed: the %d processes of this machine share its %d GPU(s)\n",
                        env.localWorldSize, status.cudaDeviceCount);
    }
    std::fflush(stdout);
    return group;
}

} // namespace cgs::cli
