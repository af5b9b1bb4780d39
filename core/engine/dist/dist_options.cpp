#include "core/engine/dist/dist_options.h"

#include "core/engine/error.h"

namespace cgs {

void DistOptions::validate() const {
    if (backend != "auto" && backend != "gloo" && backend != "nccl")
        throw ConfigError("--dist_backend '" + backend + "' is not one of auto, gloo, nccl");
    if (!(timeoutSeconds > 0) || timeoutSeconds > 7 * 24 * 3600.0)
        throw ConfigError("--dist_timeout " + std::to_string(timeoutSeconds) +
                          " must be a positive number of seconds (at most a week)");
}

} // namespace cgs
