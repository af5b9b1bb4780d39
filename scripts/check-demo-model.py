#!/usr/bin/env python3
"""Objective check of the demo model: are translated test images closer to the
real images of the target domain than the inputs were?

    python3 scripts/check-demo-model.py DATA OUT_A2B OUT_B2A     (needs numpy and Pillow)

DATA is monet2photo_kaggle (testA = Monet, testB = photos); OUT_B2A holds the photo -> Monet
outputs of DATA/testB, OUT_A2B the Monet -> photo outputs of DATA/testA (`cyclegan translate
--model demo`). Two distances between image sets, each printed for (inputs, real target) and
(outputs, real target):
  colour: Frechet distance between Gaussians fitted to the RGB values of all pixels (0..255);
  SWD:    sliced Wasserstein distance between 7x7 RGB patches (Karras et al. 2018, one pyramid
          level at 64x64, 128 patches per image, 512 random directions, per-channel normalised).
Exit code 0 when the outputs are closer than the inputs on both distances in both directions.
"""
import glob
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


def patches(images, rng, per_image=128, k=7):
    out = []
    for x in images:
        h, w, _ = x.shape
        ys = rng.integers(0, h - k + 1, per_image)
        xs = rng.integers(0, w - k + 1, per_image)
        out.extend(x[y:y + k, xx:xx + k].reshape(-1) for y, xx in zip(ys, xs))
    d = np.array(out)
    d = d.reshape(len(d), k * k, 3)
    d = (d - d.mean(axis=(0, 1))) / (d.std(axis=(0, 1)) + 1e-8)
    return d.reshape(len(d), -1)


def swd(a, b, seed=0, dirs=512):
    rng = np.random.default_rng(seed)
    pa, pb = patches(a, rng), patches(b, rng)
    n = min(len(pa), len(pb))
    pa, pb = pa[:n], pb[:n]
    proj = rng.standard_normal((pa.shape[1], dirs))
    proj /= np.linalg.norm(proj, axis=0, keepdims=True)
    qa, qb = np.sort(pa @ proj, axis=0), np.sort(pb @ proj, axis=0)
    return float(np.abs(qa - qb).mean() * 1e3)


def main():
    data, out_a2b, out_b2a = sys.argv[1:4]
    ok = True
    for name, inputs, outputs, target in (
        ("photo -> Monet", "testB", out_b2a, "testA"),
        ("Monet -> photo", "testA", out_a2b, "testB"),
    ):
        x = load(os.path.join(data, inputs), 64)
        y = load(outputs, 64)
        t = load(os.path.join(data, target), 64)
        ci, co = colour_distance(x, t), colour_distance(y, t)
        si, so = swd(x, t), swd(y, t)
        print(f"{name}: colour {ci:.1f} -> {co:.1f}   SWD {si:.1f} -> {so:.1f}   "
              f"(inputs vs real {target} -> outputs vs real {target}; {len(y)} outputs)")
        ok = ok and co < ci and so < si
    print("closer on every distance" if ok else "NOT closer on every distance")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
