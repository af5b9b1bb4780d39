#include "core/imageio/image_header.h"

#include <cstring>

namespace cgs {
namespace {

// Bounds-checked big/little-endian reads: every parser below works on untrusted bytes.
struct Bytes {
    const std::uint8_t *data;
    std::size_t size;
    bool bigEndian = true;

    bool has(std::size_t offset, std::size_t n) const {
        return offset <= size && n <= size - offset;
    }
    std::uint32_t u16(std::size_t o) const {
        if (!has(o, 2))
            return 0;
        return bigEndian ? (data[o] << 8) | data[o + 1] : data[o] | (data[o + 1] << 8);
    }
    std::uint32_t u32(std::size_t o) const {
        if (!has(o, 4))
            return 0;
        return bigEndian ? (u16(o) << 16) | u16(o + 2) : u16(o) | (u16(o + 2) << 16);
    }
    bool matches(std::size_t o, const char *text) const {
        const std::size_t n = std::strlen(text);
        return has(o, n) && std::memcmp(data + o, text, n) == 0;
    }
};

// Reads width (tag 256), height (257) and orientation (274) from the first IFD of a TIFF
// structure (a TIFF file or the payload of an Exif block).
void readTiffIfd(const std::uint8_t *data, std::size_t size, ImageHeader &header) {
    Bytes b{data, size};
    if (!b.has(0, 8) || data[0] != data[1] || (data[0] != 'I' && data[0] != 'M'))
        return;
    b.bigEndian = data[0] == 'M';
    if (b.u16(2) != 42)
        return;
    const std::uint32_t ifd = b.u32(4);
    const std::uint32_t count = b.u16(ifd);
    for (std::uint32_t i = 0; i < count && b.has(ifd + 2 + 12 * i, 12); ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        const std::uint32_t tag = b.u16(entry);
        const std::uint32_t type = b.u16(entry + 2);
        const std::uint32_t value = type == 3 ? b.u16(entry + 8) : b.u32(entry + 8);
        if (tag == 256)
            header.width = value;
        else if (tag == 257)
            header.height = value;
        else if (tag == 274 && value >= 1 && value <= 8)
            header.orientation = static_cast<int>(value);
    }
}

void probeJpeg(const Bytes &b, ImageHeader &header) {
    std::size_t pos = 2;
    while (b.has(pos, 4)) {
        if (b.data[pos] != 0xFF)
            return;
        const std::uint8_t marker = b.data[pos + 1];
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) // start of scan / end: no more headers
            return;
        const std::size_t length = b.u16(pos + 2);
        const bool isSof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof && b.has(pos + 4, 5)) {
            header.height = b.u16(pos + 5);
            header.width = b.u16(pos + 7);
        } else if (marker == 0xE1 && b.matches(pos + 4, "Exif") && length > 8 &&
                   b.has(pos + 10, length - 8)) {
            ImageHeader exif;
            readTiffIfd(b.data + pos + 10, length - 8, exif);
            header.orientation = exif.orientation;
        }
        pos += 2 + length;
    }
}

void probePng(const Bytes &b, ImageHeader &header) {
    if (b.matches(12, "IHDR")) {
        header.width = b.u32(16);
        header.height = b.u32(20);
    }
    // Walk the chunks before the pixel data for an eXIf chunk (PNG 1.5 extension).
    std::size_t pos = 8;
    while (b.has(pos, 8) && !b.matches(pos + 4, "IDAT")) {
        const std::size_t length = b.u32(pos);
        if (b.matches(pos + 4, "eXIf") && b.has(pos + 8, length)) {
            ImageHeader exif;
            readTiffIfd(b.data + pos + 8, length, exif);
            header.orientation = exif.orientation;
        }
        pos += 12 + length;
    }
}

void probeBmp(const Bytes &b, ImageHeader &header) {
    Bytes le{b.data, b.size, false};
    const std::uint32_t infoSize = le.u32(14);
    if (infoSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
        header.width = le.u16(18);
        header.height = le.u16(20);
    } else if (infoSize >= 40) {
        header.width = static_cast<std::int32_t>(le.u32(18));
        const auto h = static_cast<std::int32_t>(le.u32(22));
        header.height = h < 0 ? -static_cast<std::int64_t>(h) : h; // negative = top-down
    }
}

void probeWebp(const Bytes &b, ImageHeader &header) {
    Bytes le{b.data, b.size, false};
    if (le.matches(12, "VP8X") && le.has(20, 1))
        header.animated = (b.data[20] & 0x02) != 0; // the VP8X flags' animation bit
    if (le.matches(12, "VP8X") && le.has(24, 6)) {
        header.width = 1 + (le.u32(24) & 0xFFFFFF);
        header.height = 1 + (le.u32(27) & 0xFFFFFF);
    } else if (le.matches(12, "VP8L") && le.has(21, 4)) {
        const std::uint32_t bits = le.u32(21);
        header.width = 1 + (bits & 0x3FFF);
        header.height = 1 + ((bits >> 14) & 0x3FFF);
    } else if (le.matches(12, "VP8 ") && le.has(26, 4)) {
        header.width = le.u16(26) & 0x3FFF;
        header.height = le.u16(28) & 0x3FFF;
    }
}

} // namespace

const char *toString(ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::Tiff:
        return "TIFF";
    case ImageFormat::Webp:
        return "WebP";
    case ImageFormat::Unknown:
        break;
    }
    return "unknown";
}

ImageHeader probeImageHeader(const std::uint8_t *data, std::size_t size) {
    ImageHeader header;
    const Bytes b{data, size};
    if (b.has(0, 3) && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        header.format = ImageFormat::Jpeg;
        probeJpeg(b, header);
    } else if (b.matches(0, "\x89PNG\r\n\x1a\n")) {
        header.format = ImageFormat::Png;
        probePng(b, header);
    } else if (b.matches(0, "BM") && b.has(0, 26)) {
        header.format = ImageFormat::Bmp;
        probeBmp(b, header);
    } else if (b.matches(0, "RIFF") && b.matches(8, "WEBP")) {
        header.format = ImageFormat::Webp;
        probeWebp(b, header);
    } else if (b.has(0, 4) && ((b.matches(0, "II*") && data[3] == 0) ||
                               (b.matches(0, "MM") && data[2] == 0 && data[3] == 42))) {
        header.format = ImageFormat::Tiff;
        readTiffIfd(data, size, header);
    }
    return header;
}

bool jpegHasEndAfterLastScan(const std::uint8_t *data, std::size_t size) {
    bool sawScan = false;
    bool endAfterScan = false;
    for (std::size_t i = 0; i + 1 < size; ++i) {
        if (data[i] != 0xFF)
            continue;
        if (data[i + 1] == 0xDA) {
            sawScan = true;
            endAfterScan = false;
        } else if (data[i + 1] == 0xD9 && sawScan) {
            endAfterScan = true;
        }
    }
    return endAfterScan;
}

bool pngChunksComplete(const std::uint8_t *data, std::size_t size) {
    const Bytes b{data, size};
    std::size_t at = 8; // after the signature
    bool sawData = false;
    while (b.has(at, 8)) {
        const std::uint64_t length = b.u32(at);
        if (length > 0x7FFFFFFFu || !b.has(at + 8, static_cast<std::size_t>(length) + 4))
            return false; // the chunk (with its CRC) runs past the end of the file
        if (b.matches(at + 4, "IDAT"))
            sawData = true;
        if (b.matches(at + 4, "IEND"))
            return sawData;
        at += 12 + static_cast<std::size_t>(length);
    }
    return false;
}

} // namespace cgs
