#pragma once

#include <cstddef>
#include <cstdint>

namespace cgs {

// The container formats the decoder recognises by their signature (magic bytes).
enum class ImageFormat { Unknown, Jpeg, Png, Bmp, Tiff, Webp };

const char *toString(ImageFormat format); // "JPEG", "PNG", ...

// What can be learnt from an image file's first bytes without decoding its pixels.
struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    std::int64_t width = -1;  // -1 when the header does not say (or could not be parsed)
    std::int64_t height = -1; // -1 likewise
    // EXIF/TIFF orientation 1..8 (1 = as stored). Read from a JPEG's APP1 Exif segment, a PNG
    // eXIf chunk or a TIFF's first IFD; other formats report 1.
    int orientation = 1;
    // An animated image: a WebP whose VP8X header sets the animation flag (its frames are in
    // ANIM/ANMF chunks, which still-image decoders cannot read).
    bool animated = false;

    bool hasSize() const { return width > 0 && height > 0; }
    std::int64_t pixels() const { return hasSize() ? width * height : -1; }
};

// Parses the signature, declared size and orientation of an encoded image held in memory.
// Never throws and never reads past `size`; damaged headers give format with width = -1.
// Thread safety: pure function.
ImageHeader probeImageHeader(const std::uint8_t *data, std::size_t size);

// True when a JPEG stream holds an end-of-image marker after its last start-of-scan marker,
// i.e. it was not cut short (libjpeg itself only warns and pads a truncated file with grey).
// Entropy-coded data never contains these markers (0xFF is always stuffed), so this is exact.
bool jpegHasEndAfterLastScan(const std::uint8_t *data, std::size_t size);

// True when a PNG stream's chunks (length, type, data, CRC) follow one another up to an IEND
// chunk inside `size` bytes and at least one IDAT chunk came before it: the file was not cut
// short. libpng reports a cut file as "Not enough image data" on stderr by itself, beside the
// decoder's failure; checked first, the file is refused with our message alone.
bool pngChunksComplete(const std::uint8_t *data, std::size_t size);

} // namespace cgs
