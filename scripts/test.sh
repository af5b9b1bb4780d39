#!/usr/bin/env bash
# Builds (if needed) and runs every test that needs no GPU: unit, CLI end-to-end and GUI tests.
# GPU tests (label gpu) skip themselves without CUDA. Long torture tests: ctest -L e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j "${JOBS:-$(nproc)}" -LE e2e "$@"
