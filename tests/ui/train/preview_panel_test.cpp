#include "ui/train/preview_panel.h"

#include "ui/widgets/image_tile.h"

#include <QCoreApplication>

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

// A grid read back from disk (a watched run's previews) fills a large panel instead of staying
// at thumbnail size.
TEST(PreviewPanel, ASavedGridFillsTheFrame)
{
    PreviewPanel panel;
    panel.resize(1000, 600);
    panel.show();
    PreviewFrame f;
    f.iteration = 5;
    f.grid = QImage(400, 200, QImage::Format_RGB888);
    f.grid.fill(qRgb(10, 200, 30));
    panel.addFrame(f);
    for (int i = 0; i < 5; ++i) // layout and resize events
        QCoreApplication::processEvents();
    const auto tiles = panel.findChildren<ImageTile *>();
    ASSERT_EQ(tiles.size(), 1);
    const QSize shown = tiles.first()->pixmap().size();
    EXPECT_GT(shown.width(), 600) << "the 400x200 grid shows at " << shown.width() << "x" << shown.height();
    EXPECT_EQ(shown.width(), 2 * shown.height()) << "aspect kept";
}

TEST(PreviewPanel, HeadersNameWhatEachImageIsInTheDomainsNames)
{
    const DomainNames horseZebra{QStringLiteral("horse"), QStringLiteral("zebra")};
    const QString to = QStringLiteral(" \u2192 ");
    // The official visuals: fake_B = G_A(real_A), rec_A = G_B(fake_B), idt_B = G_B(real_A).
    EXPECT_EQ(PreviewPanel::describe("real_A", horseZebra), "real_A: horse");
    EXPECT_EQ(PreviewPanel::describe("fake_B", horseZebra), "fake_B: horse" + to + "zebra");
    EXPECT_EQ(PreviewPanel::describe("rec_A", horseZebra), "rec_A: horse" + to + "zebra" + to + "horse");
    EXPECT_EQ(PreviewPanel::describe("idt_B", horseZebra), "idt_B: horse" + to + "horse");
    EXPECT_EQ(PreviewPanel::describe("fake_A", horseZebra), "fake_A: zebra" + to + "horse");
    EXPECT_EQ(PreviewPanel::describe("idt_A", horseZebra), "idt_A: zebra" + to + "zebra");
    EXPECT_EQ(PreviewPanel::describe("fake_B", DomainNames{}), "fake_B: A" + to + "B");
    EXPECT_EQ(PreviewPanel::describe("grid", horseZebra), "grid");
    EXPECT_EQ(PreviewPanel::describe("fake_C", horseZebra), "fake_C");

    PreviewPanel panel;
    panel.addFrame(frame(10, qRgb(255, 0, 0)));
    EXPECT_EQ(panel.shownHeaders().at(1), "fake_B: A" + to + "B");
    panel.setDomainNames(horseZebra); // the shown frame's headers follow
    EXPECT_EQ(panel.shownHeaders().at(1), "fake_B: horse" + to + "zebra");
    EXPECT_EQ(panel.shownHeaders().at(5), "rec_B: zebra" + to + "horse" + to + "zebra");
}

} // namespace
} // namespace cgs::ui
