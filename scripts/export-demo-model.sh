#!/usr/bin/env bash
# After scripts/train-demo-model.sh: makes its run the bundled demo model and refreshes what
# depends on it, then checks it objectively.
#   1. resources/demo/model/: both generators of the run's checkpoint (default latest), fp16;
#   2. tests/fixtures/demo_model/: the reference outputs demo_model_cli_test compares with;
#   3. docs/demo/before_after.jpg: the README's strip (three test photos -> Monet, three Monet
#      test paintings -> photos, at their own size);
#   4. scripts/check-demo-model.py on the whole test sets: colour statistics, and the project's
#      SWD from `cyclegan eval --untranslated` (exit code 0 when the outputs are closer to the
#      target domain than the inputs on both distances, both ways).
#
#   bash scripts/export-demo-model.sh [path/to/monet2photo_kaggle] [epoch tag]
# Needs python3 with numpy and Pillow (PYTHON=...; e.g. a venv with `pip install numpy pillow`).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/monet2photo_kaggle}"
EPOCH="${2:-latest}"
CLI="${CLI:-build/app/cli/cyclegan}"
RUNS="${RUNS:-runs}"
PYTHON="${PYTHON:-python3}"
RUN="$RUNS/demo_monet2photo"
DEMO=resources/demo/monet2photo
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$CLI" convert "$RUN" "$WORK/model" --both --storage fp16 --epoch "$EPOCH"
cp "$WORK/model/G_A.pt" "$WORK/model/G_B.pt" "$WORK/model/state.json" resources/demo/model/
ls -l resources/demo/model/G_A.pt resources/demo/model/G_B.pt

# The fixtures: one demo image each way (names as demo_model_cli_test expects them).
"$CLI" translate --model demo --direction BtoA --device cpu "$DEMO/testB/0033c5f971.jpg" -o "$WORK/fix_b"
"$CLI" translate --model demo --direction AtoB --device cpu "$DEMO/testA/052a77c020.jpg" -o "$WORK/fix_a"
cp "$WORK"/fix_b/* tests/fixtures/demo_model/photo2monet_0033c5f971.png
cp "$WORK"/fix_a/* tests/fixtures/demo_model/monet2photo_052a77c020.png

# Whole test sets, both ways, for the check and the strip.
"$CLI" translate --model demo --direction AtoB --device cpu "$DATA/testA" -o "$WORK/a2b" > /dev/null
"$CLI" translate --model demo --direction BtoA --device cpu "$DATA/testB" -o "$WORK/b2a" > /dev/null
"$PYTHON" - "$DATA" "$WORK/a2b" "$WORK/b2a" docs/demo/before_after.jpg <<'PYEOF'
import glob, os, sys
from PIL import Image, ImageDraw, ImageFont
data, a2b, b2a, out = sys.argv[1:]
def pairs(inputs, outputs, n):
    ins = sorted(glob.glob(os.path.join(inputs, "*")))[:n]
    res = []
    for path in ins:
        stem = os.path.splitext(os.path.basename(path))[0]
        match = [p for p in glob.glob(os.path.join(outputs, stem + "*"))]
        res.append((Image.open(path).convert("RGB"), Image.open(match[0]).convert("RGB")))
    return res
rows = [(("photo", "Monet"), pairs(os.path.join(data, "testB"), b2a, 3)),
        (("Monet", "photo"), pairs(os.path.join(data, "testA"), a2b, 3))]
gap, label = 8, 26
try:  # a font with the arrow; PIL's built-in one has none
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 16)
    arrow = " \u2192 "
except OSError:
    font, arrow = ImageFont.load_default(), " -> "
w = sum(a.width + b.width + gap for a, b in rows[0][1]) + gap
h = sum(label + max(a.height for a, _ in r) + gap for _, r in rows) + gap
canvas = Image.new("RGB", (w, h), "white")
draw = ImageDraw.Draw(canvas)
y = gap
for title, row in rows:
    draw.text((gap, y + 4), title[0] + arrow + title[1] +
              "   (test images it never saw: input | output, at their own size)", fill="black", font=font)
    y += label
    x = gap
    for a, b in row:
        canvas.paste(a, (x, y)); canvas.paste(b, (x + a.width, y))
        x += a.width + b.width + gap
    y += max(a.height for a, _ in row) + gap
canvas.save(out, quality=88)
print(f"{out}: {canvas.width}x{canvas.height}")
PYEOF
# The project's SWD of the same checkpoint, and of the untranslated test images (the baseline).
"$CLI" eval --model "$RUN" --epoch "$EPOCH" --testA "$DATA/testA" --testB "$DATA/testB" \
  --metrics swd --untranslated --json --no_log --device cpu 2> /dev/null > "$WORK/eval.json"
"$PYTHON" scripts/check-demo-model.py "$DATA" "$WORK/a2b" "$WORK/b2a" "$WORK/eval.json"
