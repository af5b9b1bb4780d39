#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace cgs {

// Where this process sits in a multi-process job, read from the variables that torchrun and
// schedulers set (PyTorch's init_method="env://"): RANK, WORLD_SIZE, LOCAL_RANK,
// LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT, and TORCHELASTIC_RESTART_COUNT (set by
// `torchrun --max_restarts` when it restarts the job).
//
// With none of RANK / WORLD_SIZE set the process runs alone (worldSize 1), as before.
// Plain values; thread safe.
struct DistEnv {
    int rank = 0;               // 0 <= rank < worldSize
    int worldSize = 1;          // processes in the job
    int localRank = 0;          // index among the processes of this machine: the GPU it takes
    int localWorldSize = 1;     // processes on this machine
    std::string masterAddr;     // host of rank 0, which serves the TCPStore rendezvous
    int masterPort = 0;         // TCP port of that store
    int restartCount = 0;       // > 0: torchrun restarted the job after a failure
    bool launched = false;      // true when RANK / WORLD_SIZE were set (even to a world of 1)

    bool distributed() const { return worldSize > 1; }
    bool isMain() const { return rank == 0; }
    std::string describe() const; // "rank 1 of 2 (local 1 of 2), master 127.0.0.1:29500"

    // Reads the process environment. Throws ConfigError naming the variable that is missing
    // or not a number, or out of range (RANK >= WORLD_SIZE, a port outside 1..65535).
    static DistEnv fromEnvironment();

    // The same from any lookup (tests): returns nullptr for unset variables.
    static DistEnv fromLookup(const std::function<const char *(const char *)> &lookup);
};

// A TCP port on 127.0.0.1 that the kernel just gave out (bound, read back, released), so most
// likely free: the MASTER_PORT of jobs started on this machine (`bench --ranks`, tests).
// Throws DistributedError when no socket can be bound.
int freeLoopbackPort();

} // namespace cgs
