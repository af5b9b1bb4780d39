#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/sanitize.sh              configure build-asan (GUI included), build with -j2, run
#                                    ctest -LE "e2e|gpu" (GUI tests offscreen)
#   CGS_BUILD_GUI=OFF scripts/sanitize.sh   engine, image I/O and CLI only (half the build time)
#   scripts/sanitize.sh -L e2e       the torture and screenshot tests instead
#   JOBS=8 scripts/sanitize.sh       more compile jobs
#   scripts/sanitize.sh -R trainer   extra arguments go to ctest
# Findings make the test fail: UBSan halts on the first error (halt_on_error=1) and ASan
# aborts on its first report.
#
# Leak detection is off (detect_leaks=0): LibTorch (Debian's, built with gcc and not
# instrumented) allocates process-lifetime tables at load time and never frees them: the
# operator registry, the dispatcher, the c10 allocator and thread-pool singletons, OpenMP's
# worker state. LeakSanitizer reports those at every exit, from inside libtorch_cpu.so,
# which would bury any finding of ours. Memory errors (use-after-free, overflows, double
# free) are still caught everywhere; leaks of our own objects are covered by RAII ownership.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CGS_ASAN_BUILD_DIR:-$root/build-asan}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCGS_SANITIZE=ON \
    -DCGS_BUILD_GUI="${CGS_BUILD_GUI:-ON}"
cmake --build "$build" -j "${JOBS:-2}"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The tests' own children (the `cyclegan` CLI) inherit these.
export QT_QPA_PLATFORM=offscreen
if [[ " $* " == *" -L "* ]]; then
    ctest --test-dir "$build" --output-on-failure --timeout 3000 "$@"
else
    ctest --test-dir "$build" -LE "e2e|gpu" --output-on-failure --timeout 3000 "$@"
fi
