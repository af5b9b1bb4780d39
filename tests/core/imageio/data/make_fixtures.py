#!/usr/bin/python3
"""Makes the tiny decoder fixtures in this folder (committed; rerun only to change them).

Needs Pillow (Debian: python3-pil). OpenCV cannot write these kinds of file itself, which is why
they are committed instead of made at test time.
  cmyk.jpg          8x4 CMYK JPEG: left half red, right half blue
  palette.png       8x4 palette (mode P) PNG: left half red, right half blue
  grey_alpha.png    8x4 grey + alpha (mode LA): grey 200, alpha 0 on the left, 255 on the right
  exif_rotate6.jpg  stored 8x4 (landscape), red left half / blue right half, EXIF orientation 6
                    (rotate 90 degrees clockwise to view): viewed 4x8, red on top
  exif_mirror2.png  stored 8x4, red left / blue right, eXIf orientation 2 (mirror): blue left
  exif_rotate6.tif  as exif_rotate6.jpg, as a TIFF with tag 274 = 6
  huge_declared.png a valid PNG signature + IHDR declaring 100000x100000 pixels, no pixel data
"""
import struct
import zlib
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
RED, BLUE = (255, 0, 0), (0, 0, 255)


def halves(mode="RGB"):
    img = Image.new("RGB", (8, 4), RED)
    img.paste(Image.new("RGB", (4, 4), BLUE), (4, 0))
    return img.convert(mode) if mode != "RGB" else img


def exif_with_orientation(value):
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def png_chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def main():
    halves("CMYK").save(HERE / "cmyk.jpg", quality=95)
    halves().quantize(colors=4).save(HERE / "palette.png")
    la = Image.new("LA", (8, 4), (200, 0))
    la.paste(Image.new("LA", (4, 4), (200, 255)), (4, 0))
    la.save(HERE / "grey_alpha.png")
    halves().save(HERE / "exif_rotate6.jpg", quality=95, exif=exif_with_orientation(6))
    halves().save(HERE / "exif_mirror2.png", exif=exif_with_orientation(2))
    halves().save(HERE / "exif_rotate6.tif", tiffinfo={0x0112: 6})
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    (HERE / "huge_declared.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IEND", b""))


if __name__ == "__main__":
    main()
