#!/usr/bin/python3
"""Builds the embedded demo dataset resources/demo/monet2photo from shared/data/monet2photo_kaggle.

From each split it takes the first N file names in byte (C locale) order (N = 30 for trainA and
trainB, 8 for testA and testB), downscales each 256x256 RGB JPEG to 128x128 with Pillow's
Lanczos filter and saves it as a baseline JPEG, quality 90, no metadata, same file name.
Needs Pillow (Debian: python3-pil). Usage:
    /usr/bin/python3 resources/demo/make_demo.py [SOURCE_DIR]
SOURCE_DIR defaults to ../shared/data/monet2photo_kaggle next to the repository.
"""
import sys
from pathlib import Path

from PIL import Image

COUNTS = {"trainA": 30, "trainB": 30, "testA": 8, "testB": 8}
SIZE = 128
QUALITY = 90


def main():
    here = Path(__file__).resolve().parent
    default = here.parents[2] / "shared" / "data" / "monet2photo_kaggle"
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    target = here / "monet2photo"
    for split, count in COUNTS.items():
        out = target / split
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.jpg"):
            old.unlink()
        names = sorted((p.name for p in (source / split).glob("*.jpg")), key=lambda n: n.encode())
        for name in names[:count]:
            with Image.open(source / split / name) as img:
                small = img.convert("RGB").resize((SIZE, SIZE), Image.LANCZOS)
                small.save(out / name, "JPEG", quality=QUALITY, optimize=True)
        print(f"{split}: {min(count, len(names))} images")


if __name__ == "__main__":
    main()
