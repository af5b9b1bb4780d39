#!/usr/bin/env bash
# Run here (Debian 12 with the build dependencies), before scripts/device-check.sh on a GPU
# machine: copies what that machine lacks into third_party_local/ (git-ignored; carry it):
# GoogleTest's sources (/usr/src/googletest), the nlohmann-json and CLI11 headers, and the Gloo
# headers (libgloo-dev) that c10d's Gloo backend needs (PyTorch's wheel ships none; without them
# the GPU machine could run several ranks through NCCL only, which refuses two ranks per GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf third_party_local
mkdir -p third_party_local/include
cp -r /usr/src/googletest third_party_local/googletest
cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/gloo third_party_local/include/
echo "third_party_local/: $(du -sh third_party_local | cut -f1) (GoogleTest sources, nlohmann, CLI11, Gloo)"
