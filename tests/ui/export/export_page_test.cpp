#include "ui/export/export_page.h"

#include "ui/widgets/error_banner.h"
#include "ui/widgets/model_picker.h"
#include "tests/core/imageio/video_test_util.h"
#include "tests/ui/ui_test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::waitUntil;

class ExportPageTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_runs = new QTemporaryDir;
        s_runDir = test::trainTinyModel(s_runs->path());
    }
    static void TearDownTestSuite() { delete s_runs; }

    static QTemporaryDir *s_runs;
    static QString s_runDir;
    QTemporaryDir m_dir;
};
QTemporaryDir *ExportPageTest::s_runs = nullptr;
QString ExportPageTest::s_runDir;

TEST_F(ExportPageTest, ABadFileIsReportedAndTheExportFinishes)
{
    const QString in = m_dir.filePath("in");
    const QString out = m_dir.filePath("out");
    QDir().mkpath(in);
    for (int i = 0; i < 3; ++i)
        test::writeTestImage(in, QStringLiteral("good%1.png").arg(i), 30 + i, 20);
    QFile bad(QDir(in).filePath("bad.jpg"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("not a jpeg at all");
    bad.close();

    ExportPage page;
    page.modelPicker()->setModel(s_runDir);
    page.addInputDir(in);
    page.setOutputDir(out);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    page.startExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    const auto summary = finished.first().at(0).value<cgs::ExportSummary>();
    const QString error = finished.first().at(1).toString();
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(summary.progress.total, 4);
    EXPECT_EQ(summary.progress.translated, 3);
    EXPECT_EQ(summary.progress.failed, 1);
    ASSERT_EQ(page.failureList()->topLevelItemCount(), 1);
    EXPECT_TRUE(page.failureList()->topLevelItem(0)->text(0).endsWith("bad.jpg"));
    EXPECT_FALSE(page.failureList()->topLevelItem(0)->text(1).isEmpty());
    EXPECT_EQ(QImage(QDir(out).filePath("good1.png")).size(), QSize(31, 20));
    EXPECT_FALSE(page.summaryText().isEmpty());

    // Again without overwrite: everything that exists is skipped.
    finished.clear();
    page.startExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    EXPECT_EQ(finished.first().at(0).value<cgs::ExportSummary>().progress.skipped, 3);
}

TEST_F(ExportPageTest, CancelLeavesNoPartialFiles)
{
    const QString in = m_dir.filePath("in");
    const QString out = m_dir.filePath("out");
    QDir().mkpath(in);
    for (int i = 0; i < 40; ++i)
        test::writeTestImage(in, QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0')), 64, 64);
    ExportPage page;
    page.modelPicker()->setModel(s_runDir);
    page.addInputDir(in);
    page.setOutputDir(out);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    page.startExport();
    page.cancelExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    const auto summary = finished.first().at(0).value<cgs::ExportSummary>();
    EXPECT_TRUE(summary.cancelled);
    EXPECT_LT(summary.progress.translated, 40);
    QDirIterator it(out, QDir::Files);
    int files = 0;
    while (it.hasNext()) {
        const QString f = it.next();
        EXPECT_TRUE(f.endsWith(".png")) << f.toStdString();
        ++files;
    }
    EXPECT_EQ(files, summary.progress.translated);
}

TEST_F(ExportPageTest, AModelThatCannotBeLoadedEndsTheExportWithItsReason)
{
    const QString in = m_dir.filePath("in");
    QDir().mkpath(in);
    test::writeTestImage(in, QStringLiteral("one.png"), 30, 20);
    const QString notAModel = m_dir.filePath("not_a_model");
    QDir().mkpath(notAModel);
    ExportPage page;
    page.modelPicker()->setModel(notAModel);
    page.addInputDir(in);
    page.setOutputDir(m_dir.filePath("out"));
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    page.startExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    const QString error = finished.first().at(1).toString();
    EXPECT_TRUE(error.contains(QStringLiteral("not_a_model"))) << error.toStdString();
    EXPECT_EQ(finished.first().at(0).value<cgs::ExportSummary>().progress.translated, 0);
    EXPECT_EQ(page.banner()->summary(), QStringLiteral("The export could not run"));
    EXPECT_EQ(page.banner()->detail(), error);
    EXPECT_FALSE(page.job()->isRunning());
}

TEST_F(ExportPageTest, AFolderHoldingAVideoExportsItFrameByFrame)
{
    const QString in = m_dir.filePath("in");
    const QString out = m_dir.filePath("out");
    QDir().mkpath(in);
    // A lossless 8-frame clip written by OpenCV itself, beside an image.
    cgs::test::writeClip(QDir(in).filePath("clip.mkv").toStdString(),
                         cgs::test::panningFrames(8, 68, 52), 12);
    test::writeTestImage(in, "still.png", 40, 30);

    ExportPage page;
    page.modelPicker()->setModel(s_runDir);
    page.addInputDir(in);
    page.setOutputDir(out);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    page.startExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 120000));
    const auto summary = finished.first().at(0).value<cgs::ExportSummary>();
    const QString error = finished.first().at(1).toString();
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    for (const cgs::ExportFailure &f : summary.failures)
        ADD_FAILURE() << f.path << ": " << f.reason;
    EXPECT_EQ(summary.progress.total, 2);
    EXPECT_EQ(summary.progress.translated, 2);
    // The video keeps its name and container; same frame count, size and rate.
    double fps = 0;
    const auto frames = cgs::test::readClip(QDir(out).filePath("clip.mkv").toStdString(), &fps);
    ASSERT_EQ(frames.size(), 8u);
    EXPECT_EQ(frames[0].cols, 68);
    EXPECT_EQ(frames[0].rows, 52);
    EXPECT_NEAR(fps, 12, 1e-6);
    EXPECT_EQ(QImage(QDir(out).filePath("still.png")).size(), QSize(40, 30));
}

TEST_F(ExportPageTest, WithoutModelNothingStarts)
{
    QSettings().remove(QStringLiteral("models/recent"));
    qputenv("CGS_DEMO_MODEL", "none"); // as an installation without the bundled model
    ExportPage page;
    qunsetenv("CGS_DEMO_MODEL");
    EXPECT_TRUE(page.modelPicker()->model().isEmpty());
    page.addInputDir(m_dir.path());
    page.setOutputDir(m_dir.filePath("out"));
    page.startExport();
    EXPECT_FALSE(page.job()->isRunning());
}

TEST(ExportPage, NoRateIsClaimedBeforeTheFirstImageIsDone)
{
    ExportPage page;
    cgs::ExportProgress first;
    first.total = 5;
    first.currentFile = "/data/in/big_2000x1500.jpg";
    page.showProgress(first);
    EXPECT_FALSE(page.rateText().contains("images/s")) << page.rateText().toStdString();
    EXPECT_TRUE(page.rateText().contains("big_2000x1500.jpg")) << page.rateText().toStdString();

    cgs::ExportProgress later = first;
    later.translated = 2;
    later.imagesPerSecond = 0.5;
    later.etaSeconds = 12;
    page.showProgress(later);
    // Under one image a second, the time per image (the walk read "0.0 images/s" there).
    EXPECT_TRUE(page.rateText().contains("2.0 s per image")) << page.rateText().toStdString();
    EXPECT_TRUE(page.rateText().contains("12 s left")) << page.rateText().toStdString();
}

TEST(ExportPage, AVideoShowsItsFramesInsteadOfImages)
{
    ExportPage page;
    cgs::ExportProgress p;
    p.total = 3;
    p.translated = 1;
    p.imagesPerSecond = 0.2;
    p.currentFile = "/data/in/ride.mp4";
    p.video.frame = 37;
    p.video.total = 250;
    p.video.framesPerSecond = 1.5;
    page.showProgress(p);
    EXPECT_TRUE(page.rateText().contains("ride.mp4")) << page.rateText().toStdString();
    EXPECT_TRUE(page.rateText().contains("37")) << page.rateText().toStdString();
    EXPECT_TRUE(page.rateText().contains("250")) << page.rateText().toStdString();
    EXPECT_TRUE(page.rateText().contains("1.5 frames/s")) << page.rateText().toStdString();

    // The next file is an image again: the image rate is back.
    p.currentFile = "/data/in/still.png";
    p.video = {};
    page.showProgress(p);
    EXPECT_TRUE(page.rateText().contains("5.0 s per image")) << page.rateText().toStdString();
}

} // namespace
} // namespace cgs::ui

namespace cgs::ui {
namespace {

// The 12-06 walk: exporting again into the same folder with another model or direction
// reported "0 written, 28 skipped" and kept the first model's results as this one's. Now the
// folder records which model made each output, and the page lists the others' as failures
// that say so.
TEST_F(ExportPageTest, OutputsOfAnotherModelAreNotSkippedAsDone)
{
    const QString in = m_dir.filePath("in");
    const QString out = m_dir.filePath("out");
    QDir().mkpath(in);
    for (int i = 0; i < 2; ++i)
        test::writeTestImage(in, QStringLiteral("p%1.png").arg(i), 24, 16);
    ExportPage page;
    page.modelPicker()->setModel(s_runDir);
    page.modelPicker()->setDirection(cgs::Direction::AToB);
    page.addInputDir(in);
    page.setOutputDir(out);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    page.startExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    ASSERT_EQ(finished.first().at(0).value<cgs::ExportSummary>().progress.translated, 2);

    finished.clear();
    page.modelPicker()->setDirection(cgs::Direction::BToA); // another generator
    page.startExport();
    // The walk: the previous export's rate stayed on screen at the start of the next.
    EXPECT_FALSE(page.rateText().contains("images/s")) << page.rateText().toStdString();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    const auto summary = finished.first().at(0).value<cgs::ExportSummary>();
    EXPECT_EQ(summary.progress.skipped, 0);
    EXPECT_EQ(summary.progress.failed, 2);
    ASSERT_EQ(page.failureList()->topLevelItemCount(), 2);
    EXPECT_TRUE(page.failureList()->topLevelItem(0)->text(1).contains("made by another model"))
        << page.failureList()->topLevelItem(0)->text(1).toStdString();
    EXPECT_TRUE(page.failureList()->topLevelItem(0)->text(1).contains("AtoB"));
}

} // namespace
} // namespace cgs::ui
