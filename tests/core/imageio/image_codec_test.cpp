#include "core/imageio/image_codec.h"

#include "core/engine/error.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <functional>

namespace cgs {
namespace {

using test::TempDir;

// Runs `read` and returns the DatasetError message (fails the test when nothing is thrown).
std::string readError(const std::function<void()> &read) {
    try {
        read();
    } catch (const DatasetError &e) {
        return e.what();
    }
    ADD_FAILURE() << "no DatasetError thrown";
    return {};
}

std::string readError(const std::string &path) {
    return readError([&] { readImage(path); });
}

void expectRgb(const Image &img, int x, int y, int r, int g, int b, int tolerance = 0) {
    const std::uint8_t *p = img.pixel(x, y);
    EXPECT_NEAR(p[0], r, tolerance) << "red at " << x << "," << y;
    EXPECT_NEAR(p[1], g, tolerance) << "green at " << x << "," << y;
    EXPECT_NEAR(p[2], b, tolerance) << "blue at " << x << "," << y;
}

std::string encoded(const cv::Mat &mat, const std::string &ext) {
    std::vector<std::uint8_t> bytes;
    EXPECT_TRUE(cv::imencode(ext, mat, bytes));
    return std::string(bytes.begin(), bytes.end());
}

TEST(ImageCodec, PngRoundTripKeepsPixelsAndChannelOrder) {
    TempDir dir;
    const Image original = test::patternImage(5, 3, 3);
    writeImage(dir.file("p.png"), original);
    const Image back = readImage(dir.file("p.png"));
    EXPECT_EQ(back.width, 5);
    EXPECT_EQ(back.height, 3);
    EXPECT_EQ(back.channels, 3);
    EXPECT_EQ(back.data, original.data);
}

TEST(ImageCodec, EmptyFileNamesFileAndCause) {
    TempDir dir;
    test::writeFile(dir.file("empty.jpg"), "");
    EXPECT_EQ(readError(dir.file("empty.jpg")),
              "Cannot read image '" + dir.file("empty.jpg") + "': file is empty (0 bytes)");
}

TEST(ImageCodec, MissingFileSaysItCannotBeOpened) {
    TempDir dir;
    const std::string message = readError(dir.file("nope.png"));
    EXPECT_NE(message.find("'" + dir.file("nope.png") + "'"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot open file (No such file or directory)"), std::string::npos);
}

TEST(ImageCodec, TextFileNamedPngIsNotAnImage) {
    TempDir dir;
    test::writeFile(dir.file("notes.png"), "just some text, not a picture\n");
    EXPECT_EQ(readError(dir.file("notes.png")),
              "Cannot read image '" + dir.file("notes.png") +
                  "': not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): unknown "
                  "content");
}

TEST(ImageCodec, TruncatedJpegIsReportedCorrupt) {
    TempDir dir;
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 255);
    const std::string full = encoded(noise, ".jpg");
    test::writeFile(dir.file("cut.jpg"), full.substr(0, full.size() / 2));
    const std::string message = readError(dir.file("cut.jpg"));
    EXPECT_NE(message.find("'" + dir.file("cut.jpg") + "'"), std::string::npos) << message;
    EXPECT_NE(message.find("truncated or corrupt"), std::string::npos) << message;
    test::writeFile(dir.file("whole.jpg"), full);
    EXPECT_EQ(readImage(dir.file("whole.jpg")).width, 64); // the same bytes, complete, decode
}

TEST(ImageCodec, TruncatedPngIsReportedCorrupt) {
    TempDir dir;
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 255);
    const std::string full = encoded(noise, ".png");
    test::writeFile(dir.file("cut.png"), full.substr(0, full.size() / 2));
    const std::string message = readError(dir.file("cut.png"));
    EXPECT_NE(message.find("truncated or corrupt PNG"), std::string::npos) << message;
}

TEST(ImageCodec, OnePixelImageDecodes) {
    TempDir dir;
    Image one(1, 1, 3);
    one.data = {10, 20, 30};
    writeImage(dir.file("one.png"), one);
    const Image back = readImage(dir.file("one.png"));
    ASSERT_EQ(back.width, 1);
    ASSERT_EQ(back.height, 1);
    expectRgb(back, 0, 0, 10, 20, 30);
}

TEST(ImageCodec, HugeDeclaredSizeIsRefusedBeforeDecoding) {
    const std::string path = test::fixture("huge_declared.png");
    const std::string message = readError(path);
    EXPECT_EQ(message, "Cannot read image '" + path +
                           "': image is 100000x100000, above the limit of 268435456 pixels "
                           "(16384x16384)");
}

TEST(ImageCodec, SixteenBitPngIsScaledToEightBit) {
    TempDir dir;
    cv::Mat deep(1, 3, CV_16UC3);
    deep.at<cv::Vec3w>(0, 0) = {65535, 65535, 65535};
    deep.at<cv::Vec3w>(0, 1) = {0, 0, 0};
    deep.at<cv::Vec3w>(0, 2) = {0, 257 * 128, 65535}; // B, G, R in OpenCV order
    test::writeFile(dir.file("deep.png"), encoded(deep, ".png"));
    const Image img = readImage(dir.file("deep.png"));
    ASSERT_EQ(img.channels, 3);
    expectRgb(img, 0, 0, 255, 255, 255);
    expectRgb(img, 1, 0, 0, 0, 0);
    expectRgb(img, 2, 0, 255, 128, 0);
}

TEST(ImageCodec, SixteenBitGreyPngBecomesRgb) {
    TempDir dir;
    cv::Mat deep(1, 2, CV_16UC1);
    deep.at<std::uint16_t>(0, 0) = 65535;
    deep.at<std::uint16_t>(0, 1) = 257 * 64;
    test::writeFile(dir.file("deepgrey.png"), encoded(deep, ".png"));
    const Image img = readImage(dir.file("deepgrey.png"));
    ASSERT_EQ(img.channels, 3);
    expectRgb(img, 0, 0, 255, 255, 255);
    expectRgb(img, 1, 0, 64, 64, 64);
}

TEST(ImageCodec, CmykJpegIsConvertedToRgb) {
    const Image img = readImage(test::fixture("cmyk.jpg"));
    ASSERT_EQ(img.channels, 3);
    ASSERT_EQ(img.width, 8);
    expectRgb(img, 0, 2, 255, 0, 0, 40);
    expectRgb(img, 7, 2, 0, 0, 255, 40);
}

TEST(ImageCodec, PalettePngIsConvertedToRgb) {
    const Image img = readImage(test::fixture("palette.png"));
    ASSERT_EQ(img.channels, 3);
    expectRgb(img, 0, 0, 255, 0, 0);
    expectRgb(img, 7, 3, 0, 0, 255);
}

TEST(ImageCodec, RgbaPngKeepsAlphaOnlyWhenAsked) {
    TempDir dir;
    const Image rgba = test::patternImage(4, 3, 4);
    writeImage(dir.file("rgba.png"), rgba);
    const Image withAlpha = readImage(dir.file("rgba.png"), ReadOptions{Alpha::Keep});
    ASSERT_EQ(withAlpha.channels, 4);
    EXPECT_EQ(withAlpha.data, rgba.data);
    const Image rgb = readImage(dir.file("rgba.png"));
    ASSERT_EQ(rgb.channels, 3);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x)
            for (int c = 0; c < 3; ++c)
                ASSERT_EQ(rgb.pixel(x, y)[c], rgba.pixel(x, y)[c]) << x << "," << y;
}

TEST(ImageCodec, GreyAlphaPngExpandsToRgba) {
    const Image img = readImage(test::fixture("grey_alpha.png"), ReadOptions{Alpha::Keep});
    ASSERT_EQ(img.channels, 4);
    EXPECT_EQ(img.pixel(0, 0)[0], 200);
    EXPECT_EQ(img.pixel(0, 0)[2], 200);
    EXPECT_EQ(img.pixel(0, 0)[3], 0);
    EXPECT_EQ(img.pixel(7, 0)[3], 255);
    EXPECT_EQ(readImage(test::fixture("grey_alpha.png")).channels, 3);
}

TEST(ImageCodec, GreyscaleBecomesRgb) {
    TempDir dir;
    Image grey = test::patternImage(3, 2, 1);
    writeImage(dir.file("grey.png"), grey);
    const Image img = readImage(dir.file("grey.png"));
    ASSERT_EQ(img.channels, 3);
    const std::uint8_t v = grey.pixel(2, 1)[0];
    expectRgb(img, 2, 1, v, v, v);
}

TEST(ImageCodec, JpegExifOrientationIsApplied) {
    // Stored 8x4 red|blue with orientation 6 (rotate clockwise): upright it is 4x8, red on top.
    const Image img = readImage(test::fixture("exif_rotate6.jpg"));
    ASSERT_EQ(img.width, 4);
    ASSERT_EQ(img.height, 8);
    expectRgb(img, 1, 0, 255, 0, 0, 40);
    expectRgb(img, 1, 7, 0, 0, 255, 40);
}

TEST(ImageCodec, TiffOrientationIsAppliedOnce) {
    const Image img = readImage(test::fixture("exif_rotate6.tif"));
    ASSERT_EQ(img.width, 4);
    ASSERT_EQ(img.height, 8);
    expectRgb(img, 1, 0, 255, 0, 0);
    expectRgb(img, 1, 7, 0, 0, 255);
}

TEST(ImageCodec, PngExifOrientationIsApplied) {
    const Image img = readImage(test::fixture("exif_mirror2.png"));
    ASSERT_EQ(img.width, 8);
    expectRgb(img, 0, 0, 0, 0, 255);
    expectRgb(img, 7, 0, 255, 0, 0);
}

TEST(ImageCodec, PathsWithSpacesAndKoreanCharactersWork) {
    TempDir dir;
    const std::string path = dir.file("모네 그림/풍경 사진 01.png");
    std::filesystem::create_directories(dir.file("모네 그림"));
    const Image original = test::patternImage(6, 4, 3);
    writeImage(path, original);
    EXPECT_EQ(readImage(path).data, original.data);
    const std::string message = readError(dir.file("모네 그림/없는 파일.jpg"));
    EXPECT_NE(message.find("없는 파일.jpg"), std::string::npos) << message;
}

TEST(ImageCodec, ReadsBmpTiffAndWebp) {
    TempDir dir;
    const Image original = test::patternImage(6, 4, 3);
    for (const char *ext : {".bmp", ".tif", ".webp"}) {
        const std::string path = dir.file(std::string("x") + ext);
        ASSERT_TRUE(cv::imwrite(path, cv::Mat(4, 6, CV_8UC3, cv::Scalar(10, 20, 30))));
        const Image img = readImage(path);
        EXPECT_EQ(img.width, 6) << ext;
        EXPECT_EQ(img.height, 4) << ext;
        expectRgb(img, 3, 2, 30, 20, 10, 3); // OpenCV's Scalar is BGR
    }
}

TEST(ImageCodec, DamagedFilesGiveImagesOrDatasetErrorsOnly) {
    cv::Mat noise(24, 32, CV_8UC3);
    cv::randu(noise, 0, 255);
    for (const char *ext : {".jpg", ".png", ".bmp", ".webp", ".tif"}) {
        const std::string good = encoded(noise, ext);
        std::uint32_t state = 99;
        for (int trial = 0; trial < 120; ++trial) {
            std::string bad = good;
            if (trial < 40) {
                bad.resize(good.size() * trial / 40); // truncated
            } else {
                for (int flips = 0; flips < 4; ++flips) { // a few corrupted bytes
                    state = state * 1664525u + 1013904223u;
                    bad[(state >> 8) % bad.size()] = static_cast<char>(state >> 24);
                }
            }
            try {
                const auto *bytes = reinterpret_cast<const std::uint8_t *>(bad.data());
                const Image img = decodeImage(bytes, bad.size(), "fuzz");
                EXPECT_EQ(img.data.size(), img.stride() * img.height) << ext << trial;
            } catch (const DatasetError &e) {
                EXPECT_EQ(std::string(e.what()).rfind("Cannot read image 'fuzz': ", 0), 0u);
            }
        }
    }
}

TEST(ImageCodec, IsImageFileAcceptsKnownExtensionsInAnyCase) {
    for (const char *name :
         {"a.jpg", "b.JPEG", "c.Png", "d.bmp", "e.TIF", "f.tiff", "g.webp", "dir.v2/h.jpg"})
        EXPECT_TRUE(isImageFile(name)) << name;
    for (const char *name : {"a.gif", "b.txt", "jpg", "dir.jpg/readme", "c.jpg.part", ""})
        EXPECT_FALSE(isImageFile(name)) << name;
}

} // namespace
} // namespace cgs
