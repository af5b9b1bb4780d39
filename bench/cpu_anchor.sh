#!/usr/bin/env bash
# The CPU anchor table (README "Speed"): the official step under pip's PyTorch 2.x
# (bench/official_step.py) against our step (`cyclegan bench`) built on the same LibTorch 2.x
# (build-torch2, scripts/test-torch2.sh) and on Debian's 1.13 (build), one right after the other
# for each row: 64² and 128², 6 and 9 blocks, 1 and 2 threads, fp32 and bf16; batch 1, ngf/ndf 64.
# Prints a Markdown table (ms per step, median) and the ratio official / ours for each build.
#
#   bash bench/cpu_anchor.sh [steps] [warmup]      (run it on a quiet machine: ~20 min on 2 cores)
# Knobs: CLI2 (build-torch2/app/cli/cyclegan)  CLI113 (build/app/cli/cyclegan)  SIZES  BLOCKS
#        THREADS  PRECISIONS
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS="${1:-4}"
WARMUP="${2:-1}"
CLI2="${CLI2:-build-torch2/app/cli/cyclegan}"
CLI113="${CLI113:-build/app/cli/cyclegan}"
PY2="$(bash scripts/torch2-venv.sh)/bin/python"
for cli in "$CLI2" "$CLI113"; do
  [ -x "$cli" ] || { echo "error: $cli is not built" >&2; exit 1; }
done
ours() { # <cli> <size> <blocks> <threads> <precision> -> ms/step
  OMP_NUM_THREADS="$4" "$1" bench --size "$2" --netG "resnet_$3blocks" --cpu_threads "$4" \
    --precision "$5" --device cpu --steps "$STEPS" --warmup "$WARMUP" --json |
    tail -1 | python3 -c 'import json,sys; print("%.0f" % json.load(sys.stdin)["ms_per_step"])'
}
official() { # <size> <blocks> <threads> <precision> -> ms/step
  OMP_NUM_THREADS="$3" "$PY2" bench/official_step.py --size "$1" --blocks "$2" --threads "$3" \
    --precision "$4" --steps "$STEPS" --warmup "$WARMUP" 2>/dev/null |
    sed -n 's/.*: \([0-9.]*\) ms\/step.*/\1/p' | python3 -c 'import sys; print(f"{float(sys.stdin.read()):.0f}")'
}
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%F)"
echo "official: $("$PY2" -c 'import torch; print("PyTorch", torch.__version__)'); ours: $CLI2 and $CLI113"
echo
echo "| size | blocks | threads | precision | official (PyTorch 2.x) | ours on LibTorch 2.x | ratio | ours on Debian 1.13 | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in ${SIZES:-64 128}; do
  for blocks in ${BLOCKS:-6 9}; do
    for threads in ${THREADS:-1 2}; do
      for precision in ${PRECISIONS:-fp32 bf16}; do
        o=$(official "$size" "$blocks" "$threads" "$precision")
        n2=$(ours "$CLI2" "$size" "$blocks" "$threads" "$precision")
        n1=$(ours "$CLI113" "$size" "$blocks" "$threads" "$precision")
        r2=$(python3 -c "print(f'{$o / $n2:.2f}×')")
        r1=$(python3 -c "print(f'{$o / $n1:.2f}×')")
        echo "| ${size}² | $blocks | $threads | $precision | $o | $n2 | $r2 | $n1 | $r1 |"
      done
    done
  done
done
