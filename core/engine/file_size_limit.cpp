#include "core/engine/file_size_limit.h"

#include <csignal>

namespace cgs {

void ignoreFileSizeLimitSignal() {
#ifdef SIGXFSZ
    std::signal(SIGXFSZ, SIG_IGN);
#endif
}

} // namespace cgs
