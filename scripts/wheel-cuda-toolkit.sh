#!/usr/bin/env bash
# Usage: wheel-cuda-toolkit.sh <python with torch> <folder>
# PyTorch's CUDA wheel brings CUDA's headers and libraries (site-packages/nvidia/cu*/) but no
# nvcc, and its CMake files (find_package(Torch)) look for a CUDA toolkit. On a machine
# without one, this lays out <folder> as a toolkit root made of the wheel's files (symlinks,
# unversioned .so names) plus a stand-in bin/nvcc that only reports the CUDA version (nothing
# here compiles CUDA sources), and prints <folder>: pass it as -DCUDAToolkit_ROOT.
set -euo pipefail
PY="$1"; DIR="$2"
read -r CUDA_VERSION NVIDIA_ROOT < <("$PY" - 2>/dev/null <<'PYEOF'
import glob, os, torch
site = os.path.dirname(os.path.dirname(torch.__file__))
roots = sorted(glob.glob(os.path.join(site, "nvidia", "cu[0-9]*"))) or [os.path.join(site, "nvidia", "cuda_runtime")]
print(torch.version.cuda or "", roots[-1])
PYEOF
)
if [ -z "$CUDA_VERSION" ] || [ ! -f "$NVIDIA_ROOT/include/cuda_runtime.h" ]; then
  echo "error: $PY's torch has no CUDA headers under site-packages/nvidia (CUDA $CUDA_VERSION)" >&2
  exit 1
fi
rm -rf "$DIR"
mkdir -p "$DIR/bin" "$DIR/lib64"
ln -s "$NVIDIA_ROOT/include" "$DIR/include"
for lib in "$NVIDIA_ROOT"/lib/*.so*; do
  name="$(basename "$lib")"
  ln -sf "$lib" "$DIR/lib64/$name"
  [ -e "$DIR/lib64/${name%%.so*}.so" ] || ln -s "$lib" "$DIR/lib64/${name%%.so*}.so"
done
cat > "$DIR/bin/nvcc" <<NVCC
#!/bin/sh
# Stand-in made by scripts/wheel-cuda-toolkit.sh: CMake only asks nvcc for its version.
echo "nvcc: NVIDIA (R) Cuda compiler driver"
echo "Cuda compilation tools, release $CUDA_VERSION, V$CUDA_VERSION.0"
NVCC
chmod +x "$DIR/bin/nvcc"
echo "$DIR"
