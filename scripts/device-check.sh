#!/usr/bin/env bash
# For the lent GPU machine (PyTorch with its LibTorch, CMake, ninja; no GoogleTest, Qt, OpenCV
# or network). Before carrying the tree there, run scripts/device-bundle.sh here: it puts the
# GoogleTest sources and the JSON/CLI11 headers into third_party_local/ (carry that folder).
# Steps, each logged under $OUT: env.log (GPU, versions); build.log (the engine, the CLI and
# the `gpu` tests against that LibTorch, in build-gpu/); ctest-gpu.log (the `gpu` tests);
# bench.jsonl + bench.log (`cyclegan bench`: training at each size in fp32, bf16, bf16 + CUDA
# graph (+ channels_last), batch 1, 9 blocks; 2 ranks vs 1 process through Gloo; translation at
# one size); summary.txt.
# Knobs (environment), e.g. to prove it on a CPU machine with small sizes:
#   PYTHON (python3)  CGS_CHECK_DEVICE (cuda)  CGS_CHECK_SIZES ("256 512")
#   CGS_CHECK_TRANSLATE_SIZE (1024)  CGS_CHECK_STEPS (20)  CGS_CHECK_WARMUP (5)  JOBS (nproc)
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-out/device-check}"
PYTHON="${PYTHON:-python3}"
DEVICE="${CGS_CHECK_DEVICE:-cuda}"
SIZES="${CGS_CHECK_SIZES:-256 512}"
TRANSLATE_SIZE="${CGS_CHECK_TRANSLATE_SIZE:-1024}"
STEPS="${CGS_CHECK_STEPS:-20}"
WARMUP="${CGS_CHECK_WARMUP:-5}"
JOBS="${JOBS:-$(nproc)}"
BUILD="${CGS_CHECK_BUILD_DIR:-build-gpu}"
mkdir -p "$OUT"
T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - T0 )) s"; }

echo "== environment"
{
  date -u; nproc; nvidia-smi 2>&1 || echo "no nvidia-smi"
  "$PYTHON" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())'
  cmake --version | head -1; ninja --version
} > "$OUT/env.log" 2>&1
grep -E '^torch|GPU|NVIDIA-SMI' "$OUT/env.log" | head -3
if [ ! -d third_party_local/googletest ] || [ ! -f third_party_local/include/nlohmann/json.hpp ]; then
  echo "error: third_party_local/ is missing: run scripts/device-bundle.sh on the build machine and carry it" >&2
  exit 1
fi

echo "== build ($BUILD, $JOBS jobs)"
TORCH_ROOT="$("$PYTHON" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)"
CUDA_ARGS=()
if ! command -v nvcc > /dev/null && [ ! -x /usr/local/cuda/bin/nvcc ]; then
  # No CUDA toolkit: a stand-in root made of the wheel's CUDA headers and libraries.
  CUDA_ARGS=(-DCUDAToolkit_ROOT="$(bash scripts/wheel-cuda-toolkit.sh "$PYTHON" "$PWD/$BUILD-cuda")")
fi
{
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCGS_ENGINE_ONLY=ON \
        -DCMAKE_PREFIX_PATH="$TORCH_ROOT/share/cmake;$TORCH_ROOT" "${CUDA_ARGS[@]}" \
        -DCGS_THIRD_PARTY_INCLUDE_DIR="$PWD/third_party_local/include" \
        -DCGS_GTEST_SOURCE_DIR="$PWD/third_party_local/googletest" &&
  GPU_TESTS=$(ctest --test-dir "$BUILD" -N -L gpu | sed -n 's/^ *Test *#[0-9]*: //p') &&
  echo "gpu tests: $GPU_TESTS" &&
  cmake --build "$BUILD" -j "$JOBS" --target cyclegan $GPU_TESTS
} > "$OUT/build.log" 2>&1
rc=$?
echo "build rc $rc after $(elapsed)"
if [ $rc -ne 0 ]; then tail -40 "$OUT/build.log"; exit 1; fi

echo "== gpu tests"
ctest --test-dir "$BUILD" -L gpu --output-on-failure --timeout 240 > "$OUT/ctest-gpu.log" 2>&1
echo "ctest rc $? after $(elapsed)"
grep -E 'tests passed|Passed|Failed|Skipped|SKIPPED' "$OUT/ctest-gpu.log" | tail -8

echo "== bench"
CLI="$BUILD/app/cli/cyclegan"
bench() { # <label> <cyclegan bench args...>
  local label="$1"; shift
  echo "-- $label: $*" >> "$OUT/bench.log"
  if timeout 240 "$CLI" bench --device "$DEVICE" --steps "$STEPS" --warmup "$WARMUP" --json "$@" \
       > "$OUT/bench.tmp" 2>> "$OUT/bench.log"; then
    cat "$OUT/bench.tmp" >> "$OUT/bench.log"
    tail -1 "$OUT/bench.tmp" | "$PYTHON" -c 'import json,sys; j=json.load(sys.stdin); j["label"]=sys.argv[1]; print(json.dumps(j))' "$label" >> "$OUT/bench.jsonl"
  else
    echo "{\"label\": \"$label\", \"failed\": true, \"args\": \"$*\"}" >> "$OUT/bench.jsonl"
    cat "$OUT/bench.tmp" >> "$OUT/bench.log"
  fi
}
rm -f "$OUT/bench.jsonl" "$OUT/bench.log"
for size in $SIZES; do
  bench "train $size fp32" --size "$size" --precision fp32
  bench "train $size bf16" --size "$size" --precision bf16
  if [ "$DEVICE" = "cpu" ]; then
    echo "{\"label\": \"train $size bf16 graph\", \"skipped\": \"CUDA graphs need a GPU\"}" >> "$OUT/bench.jsonl"
    bench "train $size bf16 capturable" --size "$size" --precision bf16 --train_step capturable
  else
    bench "train $size bf16 graph" --size "$size" --precision bf16 --cuda_graph on
    bench "train $size bf16 graph NHWC" --size "$size" --precision bf16 --cuda_graph on --channels_last
  fi
done
# Data parallel (issue 14): 2 local ranks against 1 process at the first size. On one GPU NCCL
# refuses two ranks, so both share it through Gloo; on the CPU each rank gets one thread.
FIRST_SIZE="${SIZES%% *}"
if [ "$DEVICE" = "cpu" ]; then
  bench "train $FIRST_SIZE bf16 2 ranks gloo" --size "$FIRST_SIZE" --precision bf16 --ranks 2 \
        --dist_backend gloo --cpu_threads 1
else
  bench "train $FIRST_SIZE bf16 2 ranks gloo" --size "$FIRST_SIZE" --precision bf16 --ranks 2 \
        --dist_backend gloo
fi
bench "translate $TRANSLATE_SIZE fp32" --mode translate --size "$TRANSLATE_SIZE" --precision fp32
bench "translate $TRANSLATE_SIZE bf16" --mode translate --size "$TRANSLATE_SIZE" --precision bf16
rm -f "$OUT/bench.tmp"
"$PYTHON" - "$OUT/bench.jsonl" > "$OUT/summary.txt" <<'PYEOF'
import json, sys
print(f"{'run':34} {'it/s':>8} {'ms/step':>9} {'peak MB':>8}")
for line in open(sys.argv[1]):
    j = json.loads(line)
    if "scaling_efficiency" in j:
        print(f"{j['label']:34} {j['images_per_s_n']:8.2f} images/s in all, all-reduce "
              f"{j['allreduce_ms_per_step']:.1f} ms/step, efficiency {100 * j['scaling_efficiency']:.0f}%"
              f" (1 process: {j['images_per_s_1']:.2f} images/s)")
    elif "it_per_s" in j:
        print(f"{j['label']:34} {j['it_per_s']:8.2f} {j['ms_per_step']:9.2f} {j['peak_memory_mb']:8.0f}")
    else:
        print(f"{j['label']:34} {'skipped: ' + j['skipped'] if 'skipped' in j else 'FAILED (see bench.log)'}")
PYEOF
cat "$OUT/summary.txt"
echo "done after $(elapsed); results in $OUT"
