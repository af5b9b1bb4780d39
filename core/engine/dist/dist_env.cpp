#include "core/engine/dist/dist_env.h"

#include "core/engine/dist/distributed_error.h"
#include "core/engine/error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cgs {
namespace {

int readInt(const std::function<const char *(const char *)> &lookup, const char *name,
            int fallback, bool required) {
    const char *value = lookup(name);
    if (!value || !*value) {
        if (required)
            throw ConfigError(std::string("The environment variable ") + name +
                              " is not set, but RANK/WORLD_SIZE are: a multi-process run needs " +
                              "RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (torchrun sets them)");
        return fallback;
    }
    errno = 0;
    char *end = nullptr;
    const long v = std::strtol(value, &end, 10);
    if (errno != 0 || end == value || *end != '\0' || v < 0 || v > 1 << 30)
        throw ConfigError(std::string("The environment variable ") + name + "='" + value +
                          "' is not a non-negative integer");
    return static_cast<int>(v);
}

} // namespace

std::string DistEnv::describe() const {
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local " +
           std::to_string(localRank) + " of " + std::to_string(localWorldSize) + "), master " +
           masterAddr + ":" + std::to_string(masterPort);
}

DistEnv DistEnv::fromEnvironment() {
    return fromLookup([](const char *name) -> const char * { return std::getenv(name); });
}

DistEnv DistEnv::fromLookup(const std::function<const char *(const char *)> &lookup) {
    DistEnv env;
    env.restartCount = readInt(lookup, "TORCHELASTIC_RESTART_COUNT", 0, false);
    const char *rank = lookup("RANK");
    const char *world = lookup("WORLD_SIZE");
    env.launched = (rank && *rank) || (world && *world);
    if (!env.launched)
        return env;
    env.rank = readInt(lookup, "RANK", 0, true);
    env.worldSize = readInt(lookup, "WORLD_SIZE", 1, true);
    if (env.worldSize < 1)
        throw ConfigError("WORLD_SIZE=0: a job needs at least one process");
    if (env.rank >= env.worldSize)
        throw ConfigError("RANK=" + std::to_string(env.rank) + " is not below WORLD_SIZE=" +
                          std::to_string(env.worldSize));
    env.localRank = readInt(lookup, "LOCAL_RANK", env.rank, false);
    env.localWorldSize = readInt(lookup, "LOCAL_WORLD_SIZE", env.worldSize, false);
    if (env.localRank >= env.localWorldSize)
        throw ConfigError("LOCAL_RANK=" + std::to_string(env.localRank) +
                          " is not below LOCAL_WORLD_SIZE=" + std::to_string(env.localWorldSize));
    if (env.worldSize == 1) {
        const char *addr = lookup("MASTER_ADDR");
        env.masterAddr = addr ? addr : "";
        env.masterPort = readInt(lookup, "MASTER_PORT", 0, false);
        return env; // one process: no rendezvous needed
    }
    const char *addr = lookup("MASTER_ADDR");
    if (!addr || !*addr)
        throw ConfigError("The environment variable MASTER_ADDR is not set, but WORLD_SIZE=" +
                          std::to_string(env.worldSize) + ": set it to the host of rank 0 " +
                          "(torchrun sets it)");
    env.masterAddr = addr;
    env.masterPort = readInt(lookup, "MASTER_PORT", 0, true);
    if (env.masterPort < 1 || env.masterPort > 65535)
        throw ConfigError("MASTER_PORT=" + std::to_string(env.masterPort) +
                          " is not a TCP port (1..65535)");
    return env;
}

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw DistributedError(std::string("No TCP socket for a local port: ") + std::strerror(errno));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok)
        throw DistributedError(std::string("Cannot bind a port on 127.0.0.1: ") + std::strerror(error));
    return ntohs(a.sin_port);
}

} // namespace cgs
