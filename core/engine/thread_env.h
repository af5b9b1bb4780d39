#pragma once

namespace cgs {

// LibTorch's CPU kernels run on OpenMP, whose threads spin while waiting for work. On a busy
// machine (a desktop with other programs, a shared server, or our own decoder threads) spinning
// threads steal the cores the working ones need: measured on a loaded 2-core VM, a 2-thread
// 64x64 training step took 20 s with spinning and 2.1 s with OMP_WAIT_POLICY=PASSIVE.
// OpenMP reads that variable when it is loaded, before main(); so when it is unset, this sets
// it and re-executes the program (same argv, via /proc/self/exe). Call it first in main().
// Returns normally when nothing had to change or the re-exec failed (then it just continues).
void ensurePassiveOpenMpWait(char **argv);

} // namespace cgs
