#include "core/imageio/mat_image.h"

#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace cgs {
namespace {

TEST(MatImage, RgbImageBecomesBgrMatWithSameLayout) {
    const Image img = test::patternImage(5, 3, 3); // width 5, height 3: not square
    const cv::Mat mat = imageToMat(img);
    ASSERT_EQ(mat.type(), CV_8UC3);
    ASSERT_EQ(mat.cols, 5);
    ASSERT_EQ(mat.rows, 3);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 5; ++x) {
            const cv::Vec3b bgr = mat.at<cv::Vec3b>(y, x);
            EXPECT_EQ(bgr[0], img.pixel(x, y)[2]);
            EXPECT_EQ(bgr[1], img.pixel(x, y)[1]);
            EXPECT_EQ(bgr[2], img.pixel(x, y)[0]);
        }
}

TEST(MatImage, RoundTripPreservesEveryChannelCount) {
    for (int channels : {1, 3, 4}) {
        const Image img = test::patternImage(7, 4, channels);
        const Image back = matToImage(imageToMat(img));
        EXPECT_EQ(back.width, 7);
        EXPECT_EQ(back.height, 4);
        EXPECT_EQ(back.channels, channels);
        EXPECT_EQ(back.data, img.data) << channels << " channels";
    }
}

TEST(MatImage, BgraMatBecomesRgbaImage) {
    cv::Mat mat(1, 2, CV_8UC4);
    mat.at<cv::Vec4b>(0, 0) = {1, 2, 3, 4};
    mat.at<cv::Vec4b>(0, 1) = {5, 6, 7, 8};
    const Image img = matToImage(mat);
    EXPECT_EQ(img.data, (std::vector<std::uint8_t>{3, 2, 1, 4, 7, 6, 5, 8}));
}

TEST(MatImage, ConversionsDeepCopy) {
    Image img = test::patternImage(4, 4, 3);
    const cv::Mat mat = imageToMat(img);
    const std::uint8_t before = mat.at<cv::Vec3b>(0, 0)[2];
    img.data[0] = static_cast<std::uint8_t>(img.data[0] + 1);
    EXPECT_EQ(mat.at<cv::Vec3b>(0, 0)[2], before);

    cv::Mat source(2, 2, CV_8UC3, cv::Scalar(9, 9, 9));
    const Image copy = matToImage(source);
    source.setTo(cv::Scalar(0, 0, 0));
    EXPECT_EQ(copy.data[0], 9);
}

TEST(MatImage, NonContinuousRoiConverts) {
    cv::Mat big(4, 6, CV_8UC3);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 6; ++x)
            big.at<cv::Vec3b>(y, x) = {std::uint8_t(x), std::uint8_t(y), std::uint8_t(x * y)};
    const Image img = matToImage(big(cv::Rect(2, 1, 3, 2)));
    ASSERT_EQ(img.width, 3);
    ASSERT_EQ(img.height, 2);
    EXPECT_EQ(img.pixel(0, 0)[2], 2); // x = 2 was in blue (channel 0 of BGR)
    EXPECT_EQ(img.pixel(2, 1)[1], 2); // y = 2
    EXPECT_EQ(img.pixel(2, 1)[0], 8); // x * y = 4 * 2
}

TEST(MatImage, EmptyAndInvalidInputs) {
    EXPECT_TRUE(imageToMat(Image{}).empty());
    EXPECT_TRUE(matToImage(cv::Mat{}).empty());
    EXPECT_THROW(matToImage(cv::Mat(2, 2, CV_16UC3)), std::invalid_argument);
    Image bad(2, 2, 3);
    bad.data.resize(5);
    EXPECT_THROW(imageToMat(bad), std::invalid_argument);
}

} // namespace
} // namespace cgs
