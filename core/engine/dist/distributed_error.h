#pragma once

#include "core/engine/error.h"

#include <string>

namespace cgs {

// A multi-process job failed: a rank died, hung past --dist_timeout, could not join, or runs
// with other options or data than rank 0. The message names the rank and the cause.
class DistributedError : public Error {
public:
    explicit DistributedError(const std::string &message)
        : Error(ErrorKind::Distributed, message) {}
};

} // namespace cgs
