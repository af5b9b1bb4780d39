#!/usr/bin/env bash
# Builds the .deb from an existing build folder (default: build), unpacks it into a scratch
# root and checks what a user gets: the installed CLI runs, the studio starts (offscreen),
# the desktop entry and AppStream metadata validate. Usage: scripts/package-test.sh [build-dir]
set -euo pipefail
BUILD="${1:-build}"
cd "$(dirname "$0")/.."
ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT
(cd "$BUILD" && cpack -G DEB -B "$ROOT/pkg" > "$ROOT/cpack.log" 2>&1) || { cat "$ROOT/cpack.log"; exit 1; }
DEB="$(ls "$ROOT"/pkg/cyclegan-studio_*.deb)"
echo "package: $(basename "$DEB")"
dpkg-deb --field "$DEB" Depends | tee "$ROOT/depends"
grep -q "libtorch1.13\|libtorch" "$ROOT/depends" || { echo "Depends lacks libtorch"; exit 1; }
dpkg-deb --field "$DEB" Recommends | grep -q "fonts-noto-cjk" ||
    { echo "Recommends lacks fonts-noto-cjk (Korean labels)"; exit 1; }
dpkg-deb -x "$DEB" "$ROOT/root"
R="$ROOT/root"
# Output captured first: `cmd | grep -q` would let grep close the pipe early, and under pipefail
# the SIGPIPE of a long --help fails the check.
help="$("$R/usr/bin/cyclegan" --help)"
grep -q "train" <<< "$help" || { echo "installed cyclegan --help failed"; exit 1; }
help="$("$R/usr/bin/cyclegan" train --help)"
grep -q -- "--dataroot" <<< "$help" || { echo "installed cyclegan train --help lacks --dataroot"; exit 1; }
test -f "$R/usr/share/cyclegan-studio/demo/monet2photo/trainA/$(ls resources/demo/monet2photo/trainA | head -1)"
# The bundled demo model is found beside the installed executable and translates a demo photo.
env -u CGS_SOURCE_DIR -u CGS_DEMO_MODEL "$R/usr/bin/cyclegan" translate --model demo --direction BtoA \
    "$R/usr/share/cyclegan-studio/demo/monet2photo/testB/$(ls resources/demo/monet2photo/testB | head -1)" \
    -o "$ROOT/demo-out" > "$ROOT/demo.log" 2>&1 || { echo "installed demo model failed:"; cat "$ROOT/demo.log"; exit 1; }
test -n "$(ls "$ROOT/demo-out")"
test -f "$R/usr/share/man/man1/cyclegan.1"
test -f "$R/usr/share/bash-completion/completions/cyclegan"
if [ -x "$R/usr/bin/cyclegan-studio" ]; then
  test -f "$R/usr/share/icons/hicolor/256x256/apps/cyclegan-studio.png"
  if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$R/usr/share/applications/cyclegan-studio.desktop"
  fi
  if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$R/usr/share/metainfo/io.github.cyclegan_studio.Studio.metainfo.xml"
  fi
  # Smoke start: the installed studio must come up and keep running until timeout stops it.
  set +e
  HOME="$ROOT/home" QT_QPA_PLATFORM=offscreen timeout 8 "$R/usr/bin/cyclegan-studio" > "$ROOT/studio.log" 2>&1
  rc=$?
  set -e
  if [ "$rc" -ne 124 ]; then
    echo "installed cyclegan-studio exited early with $rc:"; cat "$ROOT/studio.log"; exit 1
  fi
  echo "installed studio ran for 8 s"
fi
echo "package OK"
