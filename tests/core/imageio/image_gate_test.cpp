#include "core/imageio/image_gate.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/image_header.h"
#include "tests/core/imageio/foreign_images.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <cstring>
#include <functional>

namespace cgs {
namespace {

using test::TempDir;

const std::uint8_t *bytesOf(const std::string &s) {
    return reinterpret_cast<const std::uint8_t *>(s.data());
}

std::string datasetError(const std::function<void()> &read) {
    try {
        read();
    } catch (const DatasetError &e) {
        return e.what();
    }
    ADD_FAILURE() << "no DatasetError thrown";
    return {};
}

std::string refusal(const std::string &looksLike) {
    return std::string("not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): ") +
           (looksLike.empty() ? "unknown content" : "looks like " + looksLike);
}

// The inputs are real: OpenCV alone decodes them (the DICOM ones it would abort on instead).
TEST(ImageGate, ForeignInputsAreOnesOpenCvWouldDecode) {
    for (const auto &foreign : test::foreignImages()) {
        SCOPED_TRACE(foreign.label);
        ASSERT_FALSE(foreign.bytes.empty());
        if (!foreign.openCvDecodes)
            continue;
        const std::vector<std::uint8_t> buffer(foreign.bytes.begin(), foreign.bytes.end());
        EXPECT_FALSE(cv::imdecode(buffer, cv::IMREAD_UNCHANGED).empty());
    }
}

TEST(ImageGate, ForeignFilesNamedPngAreRefusedNamingFileAndFormat) {
    TempDir dir;
    for (const auto &foreign : test::foreignImages()) {
        SCOPED_TRACE(foreign.label);
        const std::string path = dir.file(foreign.label + "/scan.png");
        test::writeFile(path, foreign.bytes);
        EXPECT_EQ(datasetError([&] { readImage(path); }),
                  "Cannot read image '" + path + "': " + refusal(foreign.looksLike));
    }
}

TEST(ImageGate, GateRefusesInMemoryBytesBeforeAnyDecoder) {
    for (const auto &foreign : test::foreignImages()) {
        SCOPED_TRACE(foreign.label);
        EXPECT_EQ(datasetError([&] {
                      admitEncodedImage(bytesOf(foreign.bytes), foreign.bytes.size(), "clip");
                  }),
                  "Cannot read image 'clip': " + refusal(foreign.looksLike));
        EXPECT_EQ(foreignFormatName(bytesOf(foreign.bytes), foreign.bytes.size()),
                  foreign.looksLike);
        EXPECT_EQ(datasetError([&] {
                      decodeImage(bytesOf(foreign.bytes), foreign.bytes.size(), "clip");
                  }),
                  "Cannot read image 'clip': " + refusal(foreign.looksLike));
    }
}

TEST(ImageGate, SupportedFormatsPassWithTheirDeclaredSize) {
    const Image pattern = test::patternImage(7, 5, 3);
    TempDir dir;
    for (const char *ext : {"png", "jpg", "webp"}) {
        SCOPED_TRACE(ext);
        const std::string path = dir.file(std::string("p.") + ext);
        writeImage(path, pattern);
        const std::string bytes = test::readFile(path);
        const ImageHeader header = admitEncodedImage(bytesOf(bytes), bytes.size(), path);
        EXPECT_EQ(header.width, 7);
        EXPECT_EQ(header.height, 5);
        EXPECT_EQ(readImage(path).width, 7);
    }
    const cv::Mat mat(5, 7, CV_8UC3, cv::Scalar(1, 2, 3));
    for (const char *ext : {".bmp", ".tif"}) {
        SCOPED_TRACE(ext);
        std::vector<std::uint8_t> encoded;
        ASSERT_TRUE(cv::imencode(ext, mat, encoded));
        const ImageHeader header = admitEncodedImage(encoded.data(), encoded.size(), "x");
        EXPECT_EQ(header.width, 7);
        EXPECT_EQ(header.height, 5);
        EXPECT_EQ(decodeImage(encoded.data(), encoded.size(), "x").height, 5);
    }
}

TEST(ImageGate, SupportedSignatureWithoutDeclaredSizeIsRefused) {
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(40, '\0');
    EXPECT_EQ(datasetError([&] { admitEncodedImage(bytesOf(png), png.size(), "a.png"); }),
              "Cannot read image 'a.png': damaged PNG header (it declares no image size)");
    // A JPEG whose first segment after SOI is garbage: libjpeg would skip to the next marker,
    // so the size it decodes could differ from anything the probe saw.
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x04\x00\x00", 8) + "garbage" +
                             std::string("\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF", 9);
    EXPECT_EQ(datasetError([&] { admitEncodedImage(bytesOf(jpeg), jpeg.size(), "b.jpg"); }),
              "Cannot read image 'b.jpg': damaged JPEG header (it declares no image size)");
}

TEST(ImageGate, DeclaredSizeAboveTheLimitIsRefused) {
    std::vector<std::uint8_t> encoded;
    ASSERT_TRUE(cv::imencode(".bmp", cv::Mat(2, 2, CV_8UC3), encoded));
    const std::int32_t huge = 20000;
    std::memcpy(encoded.data() + 18, &huge, 4); // BITMAPINFOHEADER width and height
    std::memcpy(encoded.data() + 22, &huge, 4);
    EXPECT_EQ(datasetError([&] { admitEncodedImage(encoded.data(), encoded.size(), "big.bmp"); }),
              "Cannot read image 'big.bmp': image is 20000x20000, above the limit of 268435456 "
              "pixels (16384x16384)");
}

TEST(ImageGate, RecognisesCommonForeignSignatures) {
    const auto name = [](const std::string &bytes) {
        return foreignFormatName(bytesOf(bytes), bytes.size());
    };
    EXPECT_EQ(name(std::string("\0\0\0\x18" "ftypheic", 12)), "HEIF/AVIF");
    EXPECT_EQ(name(std::string("\0\0\0\x18" "ftypisom", 12)), "MP4/QuickTime video");
    EXPECT_EQ(name(std::string("RIFF\x10\0\0\0AVI LIST", 16)), "AVI video");
    EXPECT_EQ(name(std::string("\x1A\x45\xDF\xA3\x01", 5)), "Matroska/WebM video");
    EXPECT_EQ(name("8BPS"), "Photoshop PSD");
    EXPECT_EQ(name(std::string(140, ' ') + "DTED"), "DTED");
    EXPECT_EQ(name("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "SVG/XML");
    EXPECT_EQ(name("#?RGBE\n"), "Radiance HDR");
    EXPECT_EQ(name(std::string("\xFF\x4F\xFF\x51\0", 5)), "JPEG 2000");
    EXPECT_EQ(name(""), "");
    EXPECT_EQ(name("P"), "");
}

// A supported signature selects OpenCV's decoder for that format, whatever else the bytes hold:
// a PNG whose bytes 128..131 spell DICM is decoded by libpng (GDCM comes after it), not refused.
TEST(ImageGate, PngThatAlsoSpellsDicmAt128DecodesAsPng) {
    std::vector<std::uint8_t> png;
    ASSERT_TRUE(cv::imencode(".png", cv::Mat(3, 4, CV_8UC3, cv::Scalar(9, 8, 7)), png));
    // Insert an ancillary chunk right after IHDR (33 bytes) so that "DICM" lands at 128.
    const std::size_t textLength = 128 - (33 + 8);
    std::string chunk("\0\0\0", 3);
    chunk += static_cast<char>(textLength + 4);
    chunk += "tEXt" + std::string(textLength, 'x') + "DICM" + std::string(4, '\0');
    std::string bytes(png.begin(), png.end());
    bytes.insert(33, chunk);
    ASSERT_EQ(bytes.substr(128, 4), "DICM");
    // The chunk's CRC is wrong on purpose: libpng only warns for ancillary chunks.
    const Image image = decodeImage(bytesOf(bytes), bytes.size(), "dicm.png");
    EXPECT_EQ(image.width, 4);
    EXPECT_EQ(image.height, 3);
}

} // namespace
} // namespace cgs

namespace cgs {
namespace {

// A still-image decoder cannot read an animation (OpenCV's WebP reader says "corrupt"): the
// VP8X header's animation flag is recognised and named before any decoder runs.
TEST(ImageGate, AnimatedWebpIsNamedAsAnAnimation) {
    auto le32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                           static_cast<char>((v >> 16) & 0xFF), static_cast<char>(v >> 24)};
    };
    // VP8X: flags (animation 0x02), 3 reserved bytes, width - 1 and height - 1 in 24 bits.
    const std::string vp8x = std::string("VP8X") + le32(10) + std::string("\x02\0\0\0", 4) +
                             std::string("\x3F\0\0\x1F\0\0", 6); // 64 x 32
    const std::string anim = std::string("ANIM") + le32(6) + std::string(6, '\0');
    const std::string body = "WEBP" + vp8x + anim;
    const std::string file = "RIFF" + le32(static_cast<std::uint32_t>(body.size())) + body;
    const ImageHeader header = probeImageHeader(bytesOf(file), file.size());
    EXPECT_EQ(header.format, ImageFormat::Webp);
    EXPECT_TRUE(header.animated);
    EXPECT_EQ(header.width, 64);
    EXPECT_EQ(header.height, 32);
    EXPECT_EQ(datasetError([&] { decodeImage(bytesOf(file), file.size(), "clip.webp"); }),
              "Cannot read image 'clip.webp': animated WebP: only still images can be read "
              "(save one frame as PNG or as a still WebP)");
    // The same header without the flag is a still image as far as the gate goes.
    std::string still = file;
    still[20] = 0;
    EXPECT_FALSE(probeImageHeader(bytesOf(still), still.size()).animated);
    EXPECT_NO_THROW(admitEncodedImage(bytesOf(still), still.size(), "still.webp"));
}

// A PNG cut short is refused by its chunk structure, before libpng reads it (which would
// print "Not enough image data" on its own).
TEST(ImageGate, PngCutShortIsFoundFromItsChunks) {
    cv::Mat mat(24, 32, CV_8UC3, cv::Scalar(10, 200, 30));
    std::vector<std::uint8_t> png;
    ASSERT_TRUE(cv::imencode(".png", mat, png));
    EXPECT_TRUE(pngChunksComplete(png.data(), png.size()));
    EXPECT_FALSE(pngChunksComplete(png.data(), png.size() - 12)); // no IEND
    EXPECT_FALSE(pngChunksComplete(png.data(), png.size() / 2));
    EXPECT_NE(datasetError([&] { decodeImage(png.data(), png.size() / 2, "cut.png"); })
                  .find("truncated or corrupt PNG data (the file ends before the image does)"),
              std::string::npos);
}

} // namespace
} // namespace cgs
