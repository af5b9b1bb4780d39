#!/usr/bin/env bash
# The second build: the engine alone (core/engine, its tests, `cyclegan bench`) against
# LibTorch 2.x from PyTorch's pip wheel (scripts/torch2-venv.sh: version pin, cached venv),
# which has CUDA, so every CGS_WITH_CUDA line is compiled and linked; then the engine tests
# run on the CPU (the `gpu` ones skip without a GPU). Build folder: build-torch2/.
# Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${JOBS:-$(nproc)}"
VENV="$(bash scripts/torch2-venv.sh)"
TORCH_ROOT="$("$VENV/bin/python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)"
# The wheel's CMake files need a CUDA toolkit: CUDAToolkit_ROOT, /usr/local/cuda, or else a
# stand-in made of the wheel's own CUDA headers and libraries (scripts/wheel-cuda-toolkit.sh).
CUDA_ROOT="${CUDAToolkit_ROOT:-/usr/local/cuda}"
if [ ! -x "$CUDA_ROOT/bin/nvcc" ]; then
  echo "No CUDA toolkit at $CUDA_ROOT: using the wheel's CUDA files" >&2
  CUDA_ROOT="$(bash scripts/wheel-cuda-toolkit.sh "$VENV/bin/python" "$PWD/build-torch2-cuda")"
fi
# Both prefixes: share/cmake finds TorchConfig.cmake, the torch folder makes its find_library
# calls find the wheel's libtorch before Debian's /usr/lib one.
mkdir -p build-torch2
cmake -S . -B build-torch2 -G Ninja -DCMAKE_BUILD_TYPE=Release -DCGS_ENGINE_ONLY=ON \
      -DCMAKE_PREFIX_PATH="$TORCH_ROOT/share/cmake;$TORCH_ROOT" \
      -DCUDAToolkit_ROOT="$CUDA_ROOT" > build-torch2/configure.log 2>&1 \
  || { cat build-torch2/configure.log; exit 1; }
grep -q '^CGS_WITH_CUDA:INTERNAL=ON' build-torch2/CMakeCache.txt \
  || { echo "error: LibTorch $TORCH_ROOT was configured without CUDA" >&2; exit 1; }
grep -q "^TORCH_LIBRARY:.*=$TORCH_ROOT/" build-torch2/CMakeCache.txt \
  || { echo "error: build-torch2 did not pick the wheel's libtorch:" \
            "$(grep '^TORCH_LIBRARY:' build-torch2/CMakeCache.txt)" >&2; exit 1; }
cmake --build build-torch2 -j "$JOBS"
ctest --test-dir build-torch2 --output-on-failure -j "$JOBS" -LE e2e "$@"
