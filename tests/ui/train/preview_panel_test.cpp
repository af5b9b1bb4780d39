#include "ui/train/preview_panel.h"

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

PreviewFrame frame(qint64 iteration, QRgb colour)
{
    PreviewFrame f;
    f.iteration = iteration;
    f.epoch = 1;
    for (const char *name : {"real_A", "fake_B", "rec_A", "real_B", "fake_A", "rec_B"}) {
        QImage image(16, 16, QImage::Format_RGB888);
        image.fill(colour);
        f.names << QString::fromLatin1(name);
        f.images << image;
    }
    return f;
}

TEST(PreviewPanel, ShowsTheLatestAndLooksBack)
{
    PreviewPanel panel;
    panel.addFrame(frame(10, qRgb(255, 0, 0)));
    panel.addFrame(frame(20, qRgb(0, 255, 0)));
    EXPECT_EQ(panel.frameCount(), 2);
    EXPECT_EQ(panel.currentIndex(), 1);
    ASSERT_EQ(panel.shownImages().size(), 6); // two rows of three
    EXPECT_EQ(panel.shownImages().first().pixel(0, 0), qRgb(0, 255, 0));
    panel.showFrame(0);
    EXPECT_EQ(panel.shownImages().first().pixel(0, 0), qRgb(255, 0, 0));
    // Looking back: a new frame does not jump away from the one being looked at.
    panel.addFrame(frame(30, qRgb(0, 0, 255)));
    EXPECT_EQ(panel.currentIndex(), 0);
    panel.clear();
    EXPECT_EQ(panel.frameCount(), 0);
}

} // namespace
} // namespace cgs::ui
