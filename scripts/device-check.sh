#!/usr/bin/env bash
# For the lent GPU machine (PyTorch's LibTorch, CMake, ninja; no Qt, no OpenCV, no internet):
# builds the engine, its tests and the benchmark, runs the GPU tests and `cyclegan-bench`-style
# timings through the engine test binaries, and writes everything under $OUT.
# Needs a copy of nlohmann-json's headers in third_party_local/ (carried from a Debian machine:
#   mkdir -p third_party_local && cp -r /usr/include/nlohmann /usr/include/CLI third_party_local/).
set -uo pipefail
OUT="${OUT:-out}"; mkdir -p "$OUT"
PREFIX="$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')"
{
  nvidia-smi; python3 -c 'import torch;print("torch", torch.__version__, torch.version.cuda)'
  cmake -S . -B build-gpu -G Ninja -DCGS_ENGINE_ONLY=ON -DCMAKE_PREFIX_PATH="$PREFIX" \
        -DCGS_THIRD_PARTY_INCLUDE_DIR="$PWD/third_party_local" -DCMAKE_BUILD_TYPE=Release
  cmake --build build-gpu -j 16
} > "$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; exit 1; }
ctest --test-dir build-gpu --output-on-failure -j 4 > "$OUT/ctest.log" 2>&1; echo "ctest rc $?"
tail -5 "$OUT/ctest.log"
if [ -x build-gpu/app/cli/cyclegan ]; then
  for args in "--size 256" "--size 512"; do
    build-gpu/app/cli/cyclegan bench $args --device cuda --json | tail -1 | tee -a "$OUT/bench.jsonl"
  done
fi
