#!/usr/bin/env bash
# Builds and runs the libFuzzer targets for SECONDS each (default 180).
#   fuzz/run_fuzzers.sh [SECONDS] [target...]
# Corpora grow in build-fuzz/corpus/<target>/ (seeded from the test fixtures), with the
# dictionary fuzz/dict/<target without fuzz_>.dict; libFuzzer's end-of-run "recommended
# dictionary" goes to build-fuzz/logs/<target>.log (merge useful entries into the .dict). Crashing inputs
# land in build-fuzz/crashes/<target>/: copy them to fuzz/regressions/<target>/, where
# fuzz_regressions_test replays them in the normal test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CGS_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-180}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_checkpoint_json fuzz_image_decode fuzz_pth_reader fuzz_train_config)
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCGS_FUZZ=ON \
    -DCGS_BUILD_GUI=OFF -DCGS_BUILD_TESTS=OFF -DCGS_USE_PCH=OFF >/dev/null
ninja -C "$build" -j "${JOBS:-2}" "${targets[@]}"
seeds_for() { # one folder per line
    case $1 in
    fuzz_checkpoint_json) echo "$root/fuzz/corpus/checkpoint_json" ;;
    fuzz_image_decode) printf '%s\n' "$root/tests/core/imageio/data" "$root/fuzz/corpus/image_decode" ;;
    fuzz_pth_reader) echo "$root/tests/fixtures/official" ;;
    fuzz_train_config) echo "$root/fuzz/corpus/train_config" ;;
    esac
}
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    crashes="$build/crashes/$t"
    mkdir -p "$corpus" "$crashes" "$build/logs"
    echo "== $t: ${seconds}s"
    mapfile -t seeds < <(seeds_for "$t")
    "$build/fuzz/$t" "$corpus" "${seeds[@]}" "$root/fuzz/regressions/${t#fuzz_}" \
        -dict="$root/fuzz/dict/${t#fuzz_}.dict" \
        -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 -timeout=20 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | tee "$build/logs/$t.log" |
        grep -v '^#[0-9]' | tail -n 60
done
