#!/usr/bin/env bash
# Trains the bundled demo model (resources/demo/model/): Monet paintings (A) <-> landscape photos (B)
# on shared/data/monet2photo_kaggle (250 + 500 training images, 256x256 JPEG; sources and licences
# in resources/demo/model/SOURCE.md), then exports both generators with fp16 storage.
#
#   bash scripts/train-demo-model.sh [path/to/monet2photo_kaggle]
#
# Exact settings: 6 residual blocks, ngf 32, ndf 64, load 143 -> random crop 128, seed 1, bf16
# autocast, one CPU thread; EPOCHS constant-lr epochs then DECAY decay epochs (500 steps each).
# Stop it any time with Ctrl-C and run it again: it resumes exactly from checkpoints/latest.
# The bundled model (2026-11-30) was trained in three sittings while the schedule grew:
# EPOCHS=4 DECAY=2 to step 1,986, EPOCHS=5 DECAY=3 to step 3,273, then EPOCHS=5 DECAY=7 (these
# defaults) to the end; the learning rate of each epoch follows the schedule of its sitting
# (loss_log.csv has it per step). Then scripts/export-demo-model.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/monet2photo_kaggle}"
CLI="${CLI:-build/app/cli/cyclegan}"
RUNS="${RUNS:-runs}"
EPOCHS="${EPOCHS:-5}"
DECAY="${DECAY:-7}"
NAME=demo_monet2photo
args=(--dataroot "$DATA" --name "$NAME" --checkpoints_dir "$RUNS" --netG resnet_6blocks --ngf 32
      --ndf 64 --load_size 143 --crop_size 128 --n_epochs "$EPOCHS" --n_epochs_decay "$DECAY"
      --seed 1 --cpu_threads 1 --precision bf16 --save_epoch_freq 1 --print_freq 100
      --display_freq 500)
if [ -d "$RUNS/$NAME/checkpoints/latest" ]; then
    "$CLI" train "${args[@]}" --continue_train
else
    "$CLI" train "${args[@]}"
fi
