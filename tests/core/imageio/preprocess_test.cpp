#include "core/imageio/preprocess.h"

#include "core/engine/error.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <set>

namespace cgs {
namespace {

PreprocessOptions options(Preprocess mode, int load, int crop, bool noFlip = false) {
    PreprocessOptions o;
    o.mode = mode;
    o.loadSize = load;
    o.cropSize = crop;
    o.noFlip = noFlip;
    return o;
}

void expectSize(const Image &img, int w, int h) {
    EXPECT_EQ(img.width, w);
    EXPECT_EQ(img.height, h);
    EXPECT_EQ(img.data.size(), std::size_t(w) * h * img.channels);
}

TEST(Preprocess, ResizeAndCropGivesCropSize) {
    const Image src = test::patternImage(300, 200, 3);
    const auto o = options(Preprocess::ResizeAndCrop, 286, 256);
    expectSize(preprocessImage(src, o, 1), 256, 256);
    expectSize(preprocessPreview(src, o), 256, 256);
    EXPECT_EQ(preprocessedSize(300, 200, o).width, 256);
}

TEST(Preprocess, CropKeepsScaleAndCrops) {
    const Image src = test::patternImage(300, 280, 3);
    const auto o = options(Preprocess::Crop, 286, 256, true);
    const Image out = preprocessImage(src, o, 7);
    expectSize(out, 256, 256);
    // No resize: the crop is a window of the source, so some offset reproduces it exactly.
    bool found = false;
    for (int y = 0; y <= 24 && !found; ++y)
        for (int x = 0; x <= 44 && !found; ++x)
            found = std::equal(out.pixel(0, 0), out.pixel(0, 0) + 3, src.pixel(x, y)) &&
                    std::equal(out.pixel(255, 255), out.pixel(255, 255) + 3,
                               src.pixel(x + 255, y + 255));
    EXPECT_TRUE(found);
}

TEST(Preprocess, ScaleWidthKeepsAspectWithCropMinimum) {
    const auto o = options(Preprocess::ScaleWidth, 286, 256);
    expectSize(preprocessImage(test::patternImage(400, 600, 3), o, 3), 286, 428); // 429 rounded to 4
    // 286 * 100 / 400 = 71 < crop 256: the official minimum applies.
    expectSize(preprocessImage(test::patternImage(400, 100, 3), o, 3), 286, 256);
    // Already at the load width and tall enough: untouched.
    const Image exact = test::patternImage(286, 300, 3);
    EXPECT_EQ(preprocessImage(exact, options(Preprocess::ScaleWidth, 286, 256, true), 3).data,
              exact.data);
}

TEST(Preprocess, ScaleWidthAndCropGivesCropSize) {
    const auto o = options(Preprocess::ScaleWidthAndCrop, 286, 256);
    expectSize(preprocessImage(test::patternImage(640, 480, 3), o, 9), 256, 256);
    expectSize(preprocessPreview(test::patternImage(640, 480, 3), o), 256, 256);
}

TEST(Preprocess, NoneRoundsSidesToMultiplesOfFour) {
    const auto o = options(Preprocess::None, 286, 256, true);
    expectSize(preprocessImage(test::patternImage(256, 256, 3), o, 0), 256, 256);
    expectSize(preprocessImage(test::patternImage(257, 255, 3), o, 0), 256, 256);
    // Python's round() sends halves to even: 6/4 = 1.5 -> 2 (8), 10/4 = 2.5 -> 2 (8).
    expectSize(preprocessImage(test::patternImage(6, 10, 3), o, 0), 8, 8);
    expectSize(preprocessImage(test::patternImage(7, 13, 3), o, 0), 8, 12);
    expectSize(preprocessImage(test::patternImage(1, 1, 3), o, 0), 4, 4); // never 0
    const Image same = test::patternImage(12, 8, 3);
    EXPECT_EQ(preprocessImage(same, o, 0).data, same.data);
}

// none and scale_width keep each image's size, but one below the networks' smallest input
// (minimumSide, from the options' networks) is enlarged to it, keeping its aspect ratio.
TEST(Preprocess, KeptSizesReachTheNetworksMinimum) {
    auto o = options(Preprocess::None, 286, 256, true);
    o.minimumSide = 24;
    expectSize(preprocessImage(test::patternImage(40, 36, 3), o, 0), 40, 36); // untouched
    // Rounded to 8x32 first (as upstream), then enlarged: x3.
    expectSize(preprocessImage(test::patternImage(10, 30, 3), o, 0), 24, 96);
    EXPECT_EQ(preprocessedSize(10, 30, o).width, 24);
    o.mode = Preprocess::ScaleWidth;
    o.loadSize = 32;
    o.cropSize = 8;
    // 32 * 10 / 40 = 8 tall: enlarged to 24, 96 wide, both multiples of 4.
    expectSize(preprocessImage(test::patternImage(40, 10, 3), o, 0), 96, 24);
    // Heights are rounded to multiples of 4 (32 * 44 / 40 = 35 -> 36), as --preprocess none does.
    expectSize(preprocessImage(test::patternImage(40, 44, 3), o, 0), 32, 36);
}

TEST(Preprocess, MinimumSideComesFromTheNetworks) {
    TrainOptions t;
    t.netD = "basic";
    EXPECT_EQ(PreprocessOptions::fromTrainOptions(t).minimumSide, 24);
}

TEST(Preprocess, SmallImagesAreEnlargedBeforeCropping) {
    const auto o = options(Preprocess::Crop, 286, 256);
    expectSize(preprocessImage(test::patternImage(100, 50, 3), o, 5), 256, 256);
    expectSize(preprocessImage(test::patternImage(1, 1, 3), o, 5), 256, 256);
}

TEST(Preprocess, SameBitsGiveSameImage) {
    const Image src = test::patternImage(320, 300, 3);
    const auto o = options(Preprocess::ResizeAndCrop, 286, 256);
    EXPECT_EQ(preprocessImage(src, o, 42).data, preprocessImage(src, o, 42).data);
}

TEST(Preprocess, BitsChooseDifferentCropsAndFlips) {
    const Image src = test::patternImage(300, 300, 3);
    const auto o = options(Preprocess::Crop, 286, 256);
    std::set<std::vector<std::uint8_t>> distinct;
    int flipped = 0;
    for (std::uint64_t bits = 0; bits < 32; ++bits) {
        const Image out = preprocessImage(src, o, bits);
        distinct.insert(out.data);
        // The pattern grows by 7 per column: a flip makes it fall from left to right.
        flipped += out.pixel(0, 0)[0] != static_cast<std::uint8_t>(out.pixel(1, 0)[0] - 7);
    }
    EXPECT_GT(distinct.size(), 20u);
    EXPECT_GT(flipped, 4);
    EXPECT_LT(flipped, 28);
}

TEST(Preprocess, NoFlipNeverFlips) {
    const Image src = test::patternImage(260, 260, 3);
    const auto o = options(Preprocess::Crop, 286, 256, true);
    for (std::uint64_t bits = 0; bits < 16; ++bits) {
        const Image out = preprocessImage(src, o, bits);
        EXPECT_EQ(out.pixel(1, 0)[0], static_cast<std::uint8_t>(out.pixel(0, 0)[0] + 7));
    }
}

TEST(Preprocess, PreviewIsCentredAndUnflipped) {
    const Image src = test::patternImage(300, 280, 3);
    const Image out = preprocessPreview(src, options(Preprocess::Crop, 286, 256));
    const int x0 = (300 - 256) / 2, y0 = (280 - 256) / 2;
    EXPECT_TRUE(std::equal(out.pixel(0, 0), out.pixel(0, 0) + 3, src.pixel(x0, y0)));
    EXPECT_TRUE(std::equal(out.pixel(255, 0), out.pixel(255, 0) + 3, src.pixel(x0 + 255, y0)));
}

TEST(Preprocess, KeepsChannelCount) {
    const auto o = options(Preprocess::ResizeAndCrop, 40, 32);
    EXPECT_EQ(preprocessImage(test::patternImage(50, 50, 1), o, 1).channels, 1);
    EXPECT_EQ(preprocessImage(test::patternImage(50, 50, 4), o, 1).channels, 4);
    EXPECT_TRUE(preprocessImage(Image{}, o, 1).empty());
}

TEST(Preprocess, RejectsNonPositiveSizes) {
    EXPECT_THROW(preprocessImage(test::patternImage(8, 8, 3), options(Preprocess::Crop, 8, 0), 1),
                 ConfigError);
}

TEST(Preprocess, FromTrainOptionsCopiesTheDataOptions) {
    TrainOptions t;
    t.preprocess = Preprocess::ScaleWidthAndCrop;
    t.loadSize = 143;
    t.cropSize = 128;
    t.noFlip = true;
    const PreprocessOptions o = PreprocessOptions::fromTrainOptions(t);
    EXPECT_EQ(o.mode, Preprocess::ScaleWidthAndCrop);
    EXPECT_EQ(o.loadSize, 143);
    EXPECT_EQ(o.cropSize, 128);
    EXPECT_TRUE(o.noFlip);
}

} // namespace
} // namespace cgs
