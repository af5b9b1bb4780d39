#pragma once

#include "core/engine/dist/dist_env.h"
#include "core/engine/dist/dist_options.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace cgs {

// This process's membership in a multi-process job, over PyTorch's c10d (DESIGN §7): a
// TCPStore rendezvous served by rank 0 at MASTER_ADDR:MASTER_PORT, then a Gloo (CPU, or CUDA
// tensors) or NCCL (CUDA) process group. Usage:
//
//   auto env = cgs::DistEnv::fromEnvironment();
//   if (env.distributed()) group = cgs::ProcessGroup::join(env, distOptions, "cpu");
//   group->allReduceSum(tensors);            // engine code: gradients, losses
//
// Every collective and every store exchange is called by all ranks in the same order (the
// usual c10d contract) and waits at most DistOptions::timeoutSeconds. A failure (a rank that
// died, hung, or failed on its own) throws DistributedError naming the rank and the cause:
// the surviving ranks look at each rank's heartbeat (a key each rank refreshes twice a second
// from a background thread) and its last reported step to tell "died" from "hung".
// Not thread safe: one thread calls the collectives (the heartbeat thread is internal).
class ProcessGroup {
public:
    // Joins the job: rank 0 serves the store, all ranks meet there and build the process
    // group. `device` is the run's device ("cpu", "cuda:1"), which picks the backend for
    // "auto". Throws DistributedError: MASTER_PORT in use, master unreachable, a rank missing
    // after the timeout; ConfigError: NCCL asked for on the CPU or not compiled in.
    static std::shared_ptr<ProcessGroup> join(const DistEnv &env, const DistOptions &options,
                                              const std::string &device);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup &) = delete;
    ProcessGroup &operator=(const ProcessGroup &) = delete;

    int rank() const;
    int worldSize() const;
    bool isMain() const { return rank() == 0; }
    const DistEnv &env() const;
    std::string backendName() const;   // "gloo" or "nccl"
    double timeoutSeconds() const;

    // Sums each tensor over all ranks, in place. The tensors live on the backend's device
    // (Gloo: CPU or CUDA; NCCL: CUDA). All of them are started before the first is waited for.
    void allReduceSum(std::vector<at::Tensor> &tensors);
    // Copies rank `root`'s tensors into every rank's, in place.
    void broadcast(std::vector<at::Tensor> &tensors, int root = 0);
    void barrier();

    // Host-side exchanges through the store (small values: options, summaries, states).
    // Every rank's `value`, in rank order, on every rank.
    std::vector<std::string> allGather(const std::string &value);
    // Rank 0's values, in rank order, on rank 0; an empty list on the others.
    std::vector<std::string> gatherToMain(const std::string &value);
    // Rank 0's `value` on every rank (the others' argument is ignored).
    std::string shareFromMain(const std::string &value);
    // True on every rank when any rank passes true (stop requests, failures).
    bool anyOf(bool flag);

    // Records the step this rank is about to start, for the fault diagnosis of the others.
    void setProgress(std::int64_t step);
    // Tells the other ranks why this rank is about to fail (they name it in their message).
    void reportFailure(const std::string &message) noexcept;

private:
    struct Impl;
    explicit ProcessGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace cgs
