#include "core/engine/thread_env.h"

#include <unistd.h>

#include <cstdlib>

namespace cgs {

void ensurePassiveOpenMpWait(char **argv) {
    if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("CGS_NO_REEXEC") != nullptr)
        return;
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::setenv("CGS_NO_REEXEC", "1", 1); // never loop, whatever happens
    ::execv("/proc/self/exe", argv);
    // execv only returns on failure: carry on with the inherited OpenMP settings.
}

} // namespace cgs
