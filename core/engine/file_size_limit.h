#pragma once

namespace cgs {

// A file-size limit (`ulimit -f`, RLIMIT_FSIZE) makes the kernel send SIGXFSZ to a process that
// writes past it, and that signal's default action kills the process on the spot: no message,
// no checkpoint, no rescued generators, a half-written temporary left behind. With the signal
// ignored, the write fails with EFBIG ("File too large") instead, and every writer reports it
// and cleans up as for a full disk (Python ignores SIGXFSZ at start-up for the same reason).
// Call it first in main(), in both programs. Idempotent; not thread-safe against other
// changes of the SIGXFSZ disposition.
void ignoreFileSizeLimitSignal();

} // namespace cgs
