#pragma once

#include "core/engine/image.h"

#include <cstdint>
#include <string>

namespace cgs {

// Reading and writing image files: the decoder every dataset, preview and export goes through.
//
//   cgs::Image img = cgs::readImage("trainA/0001.jpg");          // 8-bit RGB, EXIF-rotated
//   cgs::writeImage("out/0001.png", img, cgs::WriteOptions{});    // atomic
//
// Thread safety: all functions are reentrant (no shared state); call them from any thread.

// Largest image readImage accepts: 16384 x 16384 = 268,435,456 pixels (768 MiB as 8-bit RGB,
// more while a 16-bit file is converted). Anything above is refused as a likely decompression
// bomb, from the size the file's header declares, before the pixels are decoded (a header
// that declares no size is refused too: see image_gate.h). Every camera sold today stays well
// below it.
constexpr std::int64_t kMaxImageSide = 16384;
constexpr std::int64_t kMaxImagePixels = kMaxImageSide * kMaxImageSide;

// What readImage does with an alpha channel: Keep returns RGBA when the file has one; Drop
// removes it (the colour values under transparent pixels are kept, as PIL's convert("RGB") in
// the official code does).
enum class Alpha { Drop, Keep };

struct ReadOptions {
    Alpha alpha = Alpha::Drop;
};

// Decodes an image file to 8-bit RGB (channels == 3), or RGBA (channels == 4) when
// options.alpha is Alpha::Keep and the file has alpha. Grey, grey + alpha, palette, 16-bit (scaled
// so 65535 -> 255), float TIFF ([0, 1] -> [0, 255]) and CMYK JPEG are converted. The EXIF
// orientation of JPEG (APP1) and PNG (eXIf) files is applied, so the result is upright; 8-bit
// TIFF comes upright from libtiff itself; WebP EXIF is not read (OpenCV ignores it too).
// Paths are bytes (UTF-8 on Linux): spaces and non-ASCII names work.
// Only JPEG, PNG, BMP, TIFF and WebP contents reach a decoder, whatever the file is called:
// everything else is refused by admitEncodedImage (image_gate.h) before OpenCV sees it.
// Throws DatasetError naming the path and the cause:
//   "Cannot read image '<path>': file is empty (0 bytes)"
//   "... cannot open file (No such file or directory)", "... file is larger than 2 GiB"
//   "... not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): looks like DICOM"
//   "... not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): unknown content"
//   "... damaged PNG header (it declares no image size)"
//   "... truncated or corrupt JPEG data"
//   "... image is 40000x40000, above the limit of 268435456 pixels (16384x16384)"
Image readImage(const std::string &path, const ReadOptions &options = {});

// Same as readImage but from an encoded image in memory; `name` is used in messages only.
Image decodeImage(const std::uint8_t *data, std::size_t size, const std::string &name,
                  const ReadOptions &options = {});

struct WriteOptions {
    int quality = 95;       // JPEG and WebP quality, 1..100 (101 = lossless WebP)
    int pngCompression = 3; // zlib level 0..9 for PNG (3: fast, files ~10% larger than 9)
};

// Encodes `image` (1, 3 or 4 channels; alpha is dropped for JPEG) in the format named by the
// extension of `path` (.png, .jpg, .jpeg, .webp; case-insensitive) and writes it atomically:
// the bytes go to "<path>.part-<random>" in the same folder, are flushed to disk, then renamed
// over `path`. A failure or a kill therefore never leaves a half-written file, and an existing
// file at `path` stays intact until the new one is complete.
// Throws IoError naming the path and the cause ("Cannot write image 'out/x.png': No space left
// on device"), also for a missing or unknown extension or an empty image.
void writeImage(const std::string &path, const Image &image, const WriteOptions &options = {});

// True when the file name ends in .jpg .jpeg .png .bmp .tif .tiff or .webp (any case): the
// files a dataset folder scan picks up. Looks at the name only.
bool isImageFile(const std::string &path);

// "jpg, jpeg, png, bmp, tif, tiff, webp": for messages.
const char *imageExtensionList();

} // namespace cgs
