#!/usr/bin/env bash
# Installs the Debian 12 packages CycleGAN Studio builds against (skips what is there).
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libtorch-dev libgloo-dev libopenblas0-pthread libopencv-dev nlohmann-json3-dev libcli11-dev libgtest-dev libbenchmark-dev
  libzip-dev  # app/download: unpacking the official dataset zips
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev libqcustomplot2.1-qt6 xvfb xauth dpkg-dev desktop-file-utils appstream
  python3-venv  # scripts/torch2-venv.sh: PyTorch's pip wheel for the LibTorch 2.x build
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "All build dependencies are installed."
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
