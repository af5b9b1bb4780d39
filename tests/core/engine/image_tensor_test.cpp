#include "core/engine/image_tensor.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

// A 5x3 image whose every byte differs and says where it is: value = 10*y + 3*x + c (< 256),
// so a swapped row/column or channel order, or a transposed size, shows in the round trip.
Image patterned(int channels) {
    Image image(5, 3, channels);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            for (int c = 0; c < channels; ++c)
                image.pixel(x, y)[c] = static_cast<std::uint8_t>(10 * y + 3 * x + c);
    return image;
}

TEST(ImageTensor, TensorIsOneChannelsHeightWidthInMinusOneToOne) {
    const Image image = patterned(3);
    const torch::Tensor t = imageToTensor(image);
    ASSERT_EQ(t.sizes(), (std::vector<int64_t>{1, 3, 3, 5})); // [1, C, H, W]
    EXPECT_EQ(t.dtype(), torch::kFloat);
    // Channel order and layout: tensor[0][c][y][x] is byte (x, y, c), mapped b/127.5 - 1.
    for (int y : {0, 2})
        for (int x : {0, 4})
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(t[0][c][y][x].item<float>(), image.pixel(x, y)[c] / 127.5f - 1.0f, 1e-6)
                    << x << "," << y << "," << c;
}

TEST(ImageTensor, ValueRangeEndsMapToMinusOneAndOne) {
    Image image(2, 1, 1);
    image.data = {0, 255};
    const torch::Tensor t = imageToTensor(image);
    EXPECT_FLOAT_EQ(t[0][0][0][0].item<float>(), -1.0f);
    EXPECT_FLOAT_EQ(t[0][0][0][1].item<float>(), 1.0f);
    // And back; values outside [-1, 1] are clamped to the byte range.
    const Image back = tensorToImage(torch::tensor({-3.0f, -1.0f, 0.0f, 1.0f, 7.0f}).view({1, 1, 5}));
    EXPECT_EQ(back.data, (std::vector<std::uint8_t>{0, 0, 128, 255, 255}));
}

TEST(ImageTensor, RoundTripKeepsSizeChannelOrderAndEveryByte) {
    for (int channels : {1, 3, 4}) {
        const Image image = patterned(channels);
        const Image back = tensorToImage(imageToTensor(image));
        EXPECT_EQ(back.width, image.width);
        EXPECT_EQ(back.height, image.height);
        EXPECT_EQ(back.channels, channels);
        EXPECT_EQ(back.data, image.data) << channels << " channels";
    }
}

TEST(ImageTensor, FirstChannelsOnlyWhenAskedFor) {
    const Image rgba = patterned(4);
    const Image rgb = tensorToImage(imageToTensor(rgba, 3));
    ASSERT_EQ(rgb.channels, 3);
    for (int y = 0; y < rgba.height; ++y)
        for (int x = 0; x < rgba.width; ++x)
            for (int c = 0; c < 3; ++c)
                EXPECT_EQ(rgb.pixel(x, y)[c], rgba.pixel(x, y)[c]);
}

TEST(ImageTensor, BatchesStackImagesAndRefuseMixedSizes) {
    const Image a = patterned(3), b = patterned(3);
    const torch::Tensor batch = imagesToBatch({&a, &b}, torch::kCPU);
    EXPECT_EQ(batch.sizes(), (std::vector<int64_t>{2, 3, 3, 5}));
    EXPECT_EQ(tensorToImage(batch[1]).data, b.data);
    const Image other(4, 3, 3);
    EXPECT_THROW(imagesToBatch({&a, &other}, torch::kCPU), DatasetError);
}

} // namespace
} // namespace cgs
