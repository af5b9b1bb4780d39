#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing, build, and run the main
# job: the studio on the demo project when a display is there, otherwise a short CLI training
# run on the bundled demo dataset (resources/demo/monet2photo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/studio/cyclegan-studio ]; then
  exec build/app/studio/cyclegan-studio
fi
echo "No display: training on the demo dataset with the CLI (Ctrl-C stops and saves)."
RUN_NAME="demo_$(date +%Y%m%d_%H%M%S)"
status=0
build/app/cli/cyclegan train --dataroot resources/demo/monet2photo --name "$RUN_NAME" \
  --checkpoints_dir runs --netG resnet_6blocks --ngf 32 --ndf 32 --load_size 72 --crop_size 64 \
  --n_epochs 2 --n_epochs_decay 2 --print_freq 10 --display_freq 30 --save_epoch_freq 2 "$@" \
  || status=$?
# What to do next, with the run just trained (also after Ctrl-C: its latest checkpoint is saved).
if [ -d "runs/$RUN_NAME/checkpoints" ]; then
  photo="$(ls resources/demo/monet2photo/testB | head -n 1)"
  cat <<EOF_NEXT

Next steps:
  # translate a test photo into a Monet-like painting with the run just trained:
  build/app/cli/cyclegan translate --model runs/$RUN_NAME --direction BtoA \\
      resources/demo/monet2photo/testB/$photo -o out/
  # ... or with the bundled demo model, trained longer:
  build/app/cli/cyclegan translate --model demo --direction BtoA \\
      resources/demo/monet2photo/testB/$photo -o out/
  # open the studio (on a machine with a display) and resume or watch the run there:
  build/app/studio/cyclegan-studio
EOF_NEXT
fi
exit "$status"
