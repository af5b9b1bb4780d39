#include "core/imageio/image_gate.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

#include <cstring>

namespace cgs {
namespace {

[[noreturn]] void refuse(const std::string &name, const std::string &cause) {
    throw DatasetError("Cannot read image '" + name + "': " + cause);
}

bool at(const std::uint8_t *data, std::size_t size, std::size_t offset, const char *magic,
        std::size_t length) {
    return offset <= size && length <= size - offset && std::memcmp(data + offset, magic, length) == 0;
}

template <std::size_t N>
bool at(const std::uint8_t *data, std::size_t size, std::size_t offset, const char (&magic)[N]) {
    return at(data, size, offset, magic, N - 1); // without the literal's terminating zero
}

bool isSpace(std::uint8_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

void checkPixelLimit(const std::string &name, std::int64_t width, std::int64_t height) {
    // Headers may declare up to 2^32-1 per side: compare the sides first so that the product
    // cannot overflow (found by fuzz_image_decode; fuzz/regressions/image_decode/).
    if (width <= kMaxImagePixels && height <= kMaxImagePixels && width * height <= kMaxImagePixels)
        return;
    refuse(name, "image is " + std::to_string(width) + "x" + std::to_string(height) +
                     ", above the limit of " + std::to_string(kMaxImagePixels) + " pixels (" +
                     std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide) + ")");
}

std::string foreignFormatName(const std::uint8_t *d, std::size_t n) {
    // The signatures OpenCV 4.6's decoders sniff (loadsave.cpp: each decoder's checkSignature)
    // come first, then common files that end up in image folders by mistake.
    if (at(d, n, 128, "DICM"))
        return "DICOM";
    if (at(d, n, 0, "#?RADIANCE") || at(d, n, 0, "#?RGBE"))
        return "Radiance HDR";
    if (at(d, n, 0, "\x59\xA6\x6A\x95"))
        return "Sun raster";
    if (n >= 3 && d[0] == 'P' && (d[1] == 'F' || d[1] == 'f') && isSpace(d[2]))
        return "PFM";
    if (at(d, n, 0, "P7"))
        return "PAM";
    if (n >= 3 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6' && isSpace(d[2]))
        return "PPM/PGM/PBM (Netpbm)";
    if (at(d, n, 0, "II+\0", 4) || at(d, n, 0, "MM\0+", 4))
        return "BigTIFF";
    if (at(d, n, 0, "\0\0\0\x0CjP  \r\n\x87\n", 12) || at(d, n, 0, "\xFF\x4F\xFF\x51"))
        return "JPEG 2000";
    if (at(d, n, 0, "\x76\x2F\x31\x01"))
        return "OpenEXR";
    if (at(d, n, 0, "NITF") || at(d, n, 0, "NSIF"))
        return "NITF";
    if (at(d, n, 140, "DTED"))
        return "DTED";
    if (at(d, n, 0, "GIF87a") || at(d, n, 0, "GIF89a"))
        return "GIF";
    if (at(d, n, 0, "%PDF"))
        return "PDF";
    if (at(d, n, 0, "%!PS"))
        return "PostScript";
    if (at(d, n, 0, "PK\x03\x04") || at(d, n, 0, "PK\x05\x06"))
        return "ZIP archive";
    if (at(d, n, 0, "\x1F\x8B"))
        return "gzip";
    if (at(d, n, 0, "\xFF\x0A") || at(d, n, 0, "\0\0\0\x0CJXL \r\n\x87\n", 12))
        return "JPEG XL";
    if (at(d, n, 4, "ftyp")) {
        if (at(d, n, 8, "heic") || at(d, n, 8, "heix") || at(d, n, 8, "mif1") ||
            at(d, n, 8, "msf1") || at(d, n, 8, "avif") || at(d, n, 8, "avis"))
            return "HEIF/AVIF";
        return "MP4/QuickTime video";
    }
    if (at(d, n, 0, "\x1A\x45\xDF\xA3"))
        return "Matroska/WebM video";
    if (at(d, n, 0, "RIFF"))
        return at(d, n, 8, "AVI ") ? "AVI video" : "RIFF (not WebP)";
    if (at(d, n, 0, "8BPS"))
        return "Photoshop PSD";
    if (at(d, n, 0, "qoif"))
        return "QOI";
    if (at(d, n, 0, "\0\0\1\0", 4))
        return "ICO";
    if (at(d, n, 0, "<?xml") || at(d, n, 0, "<svg"))
        return "SVG/XML";
    return {};
}

const char *supportedFormatList() {
    return "JPEG, PNG, BMP, TIFF, WebP";
}

ImageHeader admitEncodedImage(const std::uint8_t *data, std::size_t size, const std::string &name) {
    const ImageHeader header = probeImageHeader(data, size);
    if (header.format == ImageFormat::Unknown) {
        const std::string foreign = foreignFormatName(data, size);
        refuse(name, std::string("not an image in a supported format (") + supportedFormatList() +
                         "): " + (foreign.empty() ? "unknown content" : "looks like " + foreign));
    }
    // Without a declared size the pixel limit could only be checked after decoding, i.e. after
    // the decoder allocated for whatever the file claims: refused, as the decoders would fail
    // on such a header anyway (libpng, libjpeg, libtiff and libwebp all need it first).
    if (!header.hasSize())
        refuse(name, std::string("damaged ") + toString(header.format) +
                         " header (it declares no image size)");
    checkPixelLimit(name, header.width, header.height);
    // OpenCV's WebP decoder reads still images only, and would call an animation "corrupt".
    if (header.animated)
        refuse(name, "animated " + std::string(toString(header.format)) +
                         ": only still images can be read (save one frame as PNG or as a still " +
                         toString(header.format) + ")");
    return header;
}

} // namespace cgs
