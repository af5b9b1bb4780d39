#include "ui/widgets/image_convert.h"

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(ImageConvert, RgbRoundTripKeepsRowColumnAndChannelOrder)
{
    cgs::Image image(5, 3, 3); // odd width: QImage rows are padded, cgs::Image rows are not
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 5; ++x) {
            std::uint8_t *p = image.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(x * 50);
            p[1] = static_cast<std::uint8_t>(y * 100);
            p[2] = 7;
        }
    const QImage q = toQImage(image);
    ASSERT_EQ(q.size(), QSize(5, 3));
    EXPECT_EQ(q.pixel(4, 2), qRgb(200, 200, 7));
    const cgs::Image back = fromQImage(q);
    EXPECT_EQ(back.channels, 3);
    EXPECT_EQ(back.data, image.data);
}

TEST(ImageConvert, GreyAndAlpha)
{
    cgs::Image grey(3, 2, 1);
    grey.pixel(2, 1)[0] = 255;
    const QImage q = toQImage(grey);
    EXPECT_EQ(q.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(qGray(q.pixel(2, 1)), 255);
    EXPECT_EQ(fromQImage(q).channels, 3);

    cgs::Image rgba(2, 2, 4);
    rgba.pixel(1, 0)[3] = 128;
    const cgs::Image back = fromQImage(toQImage(rgba));
    EXPECT_EQ(back.channels, 4);
    EXPECT_EQ(back.pixel(1, 0)[3], 128);
}

TEST(ImageConvert, EmptyStaysEmpty)
{
    EXPECT_TRUE(toQImage(cgs::Image{}).isNull());
    EXPECT_TRUE(fromQImage(QImage{}).empty());
}

} // namespace
} // namespace cgs::ui
