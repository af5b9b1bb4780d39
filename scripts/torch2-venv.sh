#!/usr/bin/env bash
# Makes (once) a Python virtual environment with PyTorch's pip wheel, whose LibTorch (headers,
# libraries, CMake files) the second build compiles against, and prints the venv's folder.
# The version below is the one pin of that LibTorch (the GPU machine's: 2.11 with CUDA 13.0,
# PyPI's default Linux wheel). Cached under ${XDG_CACHE_HOME:-~/.cache}/cgs-torch2, so reruns
# skip the 3 GB download; delete that folder to start over.
set -euo pipefail
TORCH_VERSION="2.11.0"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/cgs-torch2"
VENV="$CACHE/torch-$TORCH_VERSION"
PYTHON="${PYTHON:-python3}"
if [ -f "$VENV/.complete" ]; then
  echo "$VENV"
  exit 0
fi
mkdir -p "$CACHE"
rm -rf "$VENV"
echo "Installing torch==$TORCH_VERSION into $VENV (once; about 3 GB)" >&2
"$PYTHON" -m venv "$VENV" >&2
"$VENV/bin/pip" install --no-input --quiet "torch==$TORCH_VERSION" >&2
"$VENV/bin/python" -c "import torch; assert torch.__version__.startswith('$TORCH_VERSION'), torch.__version__" >&2
touch "$VENV/.complete"
echo "$VENV"
