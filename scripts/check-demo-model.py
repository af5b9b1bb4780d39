#!/usr/bin/env python3
"""Objective check of the demo model: are translated test images closer to the
real images of the target domain than the inputs were?

    python3 scripts/check-demo-model.py DATA OUT_A2B OUT_B2A EVAL_JSON   (needs numpy and Pillow)

DATA is monet2photo_kaggle (testA = Monet, testB = photos); OUT_B2A holds the photo -> Monet
outputs of DATA/testB, OUT_A2B the Monet -> photo outputs of DATA/testA (`cyclegan translate
--model demo`). Two distances between image sets, each for (inputs, real target) and (outputs,
real target):
  colour: Frechet distance between Gaussians fitted to the RGB values of all pixels (0..255),
          computed here;
  SWD:    the project's sliced Wasserstein distance (Karras et al. 2018: Laplacian pyramid
          256 -> 16 px, 7x7 patches; core/engine/metrics/sliced_wasserstein.h), read from
          EVAL_JSON, the output of `cyclegan eval --metrics swd --untranslated --json` on the
          same checkpoint and test folders (its "untranslated" rows are the inputs' distances).
An earlier version computed a one-level SWD of raw 7x7 pixels at 64 px here; it could not tell
the domains apart (Monet train vs Monet test 62, photos vs Monet test 65), so the project's
metric replaced it.
Exit code 0 when the outputs are closer than the inputs on both distances in both directions.
"""
import glob
import json
import os
import sys

import numpy as np
from PIL import Image


def load(folder, size=None):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        if path.lower().endswith((".jpg", ".jpeg", ".png")):
            img = Image.open(path).convert("RGB")
            if size:
                img = img.resize((size, size), Image.BILINEAR)
            out.append(np.asarray(img, dtype=np.float64))
    if not out:
        sys.exit(f"no images in {folder}")
    return out


def colour_distance(a, b):
    pa = np.concatenate([x.reshape(-1, 3) for x in a])
    pb = np.concatenate([x.reshape(-1, 3) for x in b])
    ma, mb = pa.mean(0), pb.mean(0)
    ca, cb = np.cov(pa, rowvar=False), np.cov(pb, rowvar=False)
    w, v = np.linalg.eigh(ca)
    sa = v @ np.diag(np.sqrt(np.clip(w, 0, None))) @ v.T
    w2 = np.linalg.eigvalsh(sa @ cb @ sa)
    return float(((ma - mb) ** 2).sum() + np.trace(ca) + np.trace(cb) - 2 * np.sqrt(np.clip(w2, 0, None)).sum())


def main():
    data, out_a2b, out_b2a, eval_json = sys.argv[1:5]
    rows = json.load(open(eval_json))["rows"]
    swd = {}
    for r in rows:
        key = ("inputs" if r["checkpoint"] == "untranslated" else "outputs", r["direction"])
        swd[key] = r["swd"]
    ok = True
    for name, inputs, outputs, target, direction in (
        ("photo -> Monet", "testB", out_b2a, "testA", "BtoA"),
        ("Monet -> photo", "testA", out_a2b, "testB", "AtoB"),
    ):
        x = load(os.path.join(data, inputs), 64)
        y = load(outputs, 64)
        t = load(os.path.join(data, target), 64)
        ci, co = colour_distance(x, t), colour_distance(y, t)
        si, so = swd[("inputs", direction)], swd[("outputs", direction)]
        print(f"{name}: colour {ci:.1f} -> {co:.1f}   SWD {si:.2f} -> {so:.2f}   "
              f"(inputs vs real {target} -> outputs vs real {target}; {len(y)} outputs)")
        ok = ok and co < ci and so < si
    print("closer on every distance" if ok else "NOT closer on every distance")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
