#include "ui/train/train_page.h"

#include "ui/failure_summary.h"
#include "ui/widgets/error_banner.h"
#include "ui/train/loss_plot.h"
#include "ui/train/preview_panel.h"
#include "ui/train/train_options_form.h"
#include "tests/ui/ui_test_support.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::tinyOptions;
using test::waitUntil;
using State = TrainingController::State;

// Measures the longest gap between ticks of a 5 ms GUI timer: how long the event loop was
// blocked at worst (the window must stay responsive while training).
class StallMeter {
public:
    StallMeter()
    {
        m_clock.start();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

TEST(TrainPage, LiveCurvesAndPreviewsWithoutStallingTheGui)
{
    QTemporaryDir runs;
    TrainPage page;
    page.resize(1200, 800);
    page.show();
    page.optionsForm()->setOptions(tinyOptions(runs.path(), "page", 50, 8));
    page.startButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.controller()->state() == State::Running; }, 60000))
        << page.banner()->detail().toStdString();
    ASSERT_TRUE(waitUntil([&] { return page.lossPlot()->pointCount() > 0; }, 120000));

    StallMeter meter; // from the first step on: building the trainer is not the GUI's concern
    ASSERT_TRUE(waitUntil([&] { return page.previewPanel()->frameCount() >= 2; }, 120000));
    waitUntil([] { return false; }, 3000);
    const qint64 stall = meter.longestMs();
    std::printf("[          ] longest GUI event-loop stall while training: %lld ms "
                "(%d loss points, %d previews)\n",
                static_cast<long long>(stall), page.lossPlot()->pointCount(),
                page.previewPanel()->frameCount());
    EXPECT_LT(stall, 250) << "goal: < 50 ms";
    EXPECT_FALSE(page.previewPanel()->shownImages().isEmpty());
    EXPECT_EQ(page.previewPanel()->shownImages().first().width(), 32);
    EXPECT_FALSE(page.statusText().isEmpty());

    page.pauseButton()->click();
    EXPECT_EQ(page.controller()->state(), State::Paused);
    EXPECT_EQ(page.pauseButton()->text(), QStringLiteral("Resume"));
    EXPECT_FALSE(page.statusText().contains("ETA")) << page.statusText().toStdString();
    page.pauseButton()->click();
    EXPECT_EQ(page.controller()->state(), State::Running);
    page.stopButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.controller()->state() == State::Idle; }, 60000));
    EXPECT_TRUE(page.startButton()->isEnabled());
}

TEST(TrainPage, FailureIsShownInlineAndKeepsThePlot)
{
    QTemporaryDir runs;
    TrainPage page;
    cgs::TrainOptions options = tinyOptions(runs.path(), "bad");
    options.dataroot = runs.filePath("missing").toStdString();
    page.optionsForm()->setOptions(options);
    page.startButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.banner()->isVisibleTo(&page) &&
                                       page.controller()->state() == State::Idle; }, 60000));
    EXPECT_EQ(page.banner()->level(), ErrorBanner::Level::Error);
    EXPECT_TRUE(page.banner()->detail().contains("missing")) << page.banner()->detail().toStdString();
    EXPECT_TRUE(page.startButton()->isEnabled());
}

TEST(TrainPage, FormRoundTripsOptions)
{
    QTemporaryDir runs;
    TrainPage page;
    const cgs::TrainOptions options = tinyOptions(runs.path(), "form", 3, 5);
    page.optionsForm()->setOptions(options);
    const cgs::TrainOptions shown = page.optionsForm()->options();
    EXPECT_EQ(shown.cropSize, 32);
    EXPECT_EQ(shown.loadSize, 36);
    EXPECT_EQ(shown.ngf, 4);
    EXPECT_EQ(shown.netG, "resnet_6blocks");
    EXPECT_EQ(shown.nEpochs, 3);
    EXPECT_EQ(shown.maxDatasetSize, 5);
    EXPECT_EQ(shown.device, "cpu");
    EXPECT_EQ(shown.dataroot, options.dataroot);
}

TEST(TrainPage, ResumedRunShowsItsWholeHistory)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path(), "history");
    TrainPage page;
    page.show();
    page.resumeRun(runDir);
    // The two steps of the first run are in the plot before any new step.
    EXPECT_GE(page.lossPlot()->pointCount(), 2);
    ASSERT_TRUE(waitUntil([&] { return page.controller()->state() == State::Idle; }, 120000));
    EXPECT_GE(page.lossPlot()->pointCount(), 2);
}

TEST(TrainPage, AnOfficialRunFolderSaysHowToContinueIt)
{
    QTemporaryDir run;
    const QString fixtures = qEnvironmentVariable("CGS_SOURCE_DIR") + "/tests/fixtures/official/";
    for (const char *net : {"G_A", "G_B", "D_A", "D_B"})
        ASSERT_TRUE(QFile::copy(fixtures + (net[0] == 'G' ? "gen9_zip.pth" : "disc_zip.pth"),
                                run.filePath(QStringLiteral("latest_net_%1.pth").arg(net))));
    TrainPage page;
    page.resumeRun(run.path());
    EXPECT_EQ(page.controller()->state(), State::Idle);
    EXPECT_EQ(page.banner()->level(), ErrorBanner::Level::Error);
    EXPECT_TRUE(page.banner()->summary().contains("official code"))
        << page.banner()->summary().toStdString();
    EXPECT_TRUE(page.banner()->detail().contains("--continue_train"));
    EXPECT_TRUE(page.banner()->detail().contains("--name " + QDir(run.path()).dirName()))
        << page.banner()->detail().toStdString();
}

TEST(TrainPage, ErrorsUseTheFormsLabelsAndMarkTheField)
{
    QTemporaryDir runs;
    TrainPage page;
    cgs::TrainOptions options = tinyOptions(runs.path(), "x");
    options.name = "";
    page.optionsForm()->setOptions(options);
    page.startButton()->click();
    EXPECT_EQ(page.banner()->level(), ErrorBanner::Level::Error);
    const QString detail = page.banner()->detail();
    EXPECT_FALSE(detail.contains("--name")) << detail.toStdString();
    EXPECT_TRUE(detail.contains("Run name")) << detail.toStdString();
    ASSERT_EQ(page.optionsForm()->markedFields().size(), 1);
    EXPECT_FALSE(page.optionsForm()->markedFields().first()->styleSheet().isEmpty());
    EXPECT_FALSE(page.statusText().contains("ETA"));

    // An option of the Advanced section opens it.
    const QString ngf = page.optionsForm()->explainError("--ngf must be in 1..1024, got 0");
    EXPECT_TRUE(ngf.startsWith(QString::fromUtf8("\u201cGenerator filters (ngf)\u201d")))
        << ngf.toStdString();
    ASSERT_EQ(page.optionsForm()->markedFields().size(), 1);
    EXPECT_TRUE(page.optionsForm()->markedFields().first()->isVisibleTo(page.optionsForm()));
    page.optionsForm()->clearMarks();
    EXPECT_TRUE(page.optionsForm()->markedFields().isEmpty());
}

TEST(TrainPage, ChoosingCudaWithoutCudaSaysTheDeviceIsNotAvailable)
{
    QTemporaryDir runs;
    TrainPage page;
    cgs::TrainOptions options = tinyOptions(runs.path(), "cuda");
    options.device = "cuda:7";
    page.optionsForm()->setOptions(options);
    page.startButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.banner()->isVisibleTo(&page) &&
                                       page.controller()->state() == State::Idle; }, 60000));
    const QString detail = page.banner()->detail();
    EXPECT_EQ(page.banner()->summary(), QStringLiteral("The chosen device is not available"))
        << detail.toStdString();
    EXPECT_FALSE(detail.contains("--device")) << detail.toStdString();
    EXPECT_FALSE(page.statusText().contains("ETA"));
    EXPECT_FALSE(page.statusText().contains("Epoch"));
}

TEST(TrainPage, ARefusedResumeLeavesTheFormAsItWas)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path(), "held");
    // Its checkpoints are gone: the trainer refuses to continue it. (A run that another
    // process trains is watched instead: train_page_watch_test.)
    ASSERT_TRUE(QDir(runDir + "/checkpoints").removeRecursively());
    TrainPage page;
    cgs::TrainOptions mine = tinyOptions(runs.path(), "mine", 7, 3);
    mine.cropSize = 48;
    page.optionsForm()->setOptions(mine);
    page.resumeRun(runDir);
    ASSERT_TRUE(waitUntil([&] { return page.banner()->level() == ErrorBanner::Level::Error &&
                                       page.controller()->state() == State::Idle; }, 60000));
    EXPECT_FALSE(page.banner()->detail().contains("--name")) << page.banner()->detail().toStdString();
    const cgs::TrainOptions shown = page.optionsForm()->options();
    EXPECT_EQ(shown.name, "mine");
    EXPECT_EQ(shown.cropSize, 48);
    EXPECT_EQ(shown.nEpochs, 7);
    // The loaded run's history stays on show, without a speed or an ETA.
    EXPECT_GE(page.lossPlot()->pointCount(), 2);
    EXPECT_FALSE(page.statusText().contains("ETA")) << page.statusText().toStdString();
}

TEST(TrainPage, TheLogFollowsNewLines)
{
    TrainPage page;
    page.resize(1200, 700);
    page.show();
    QPlainTextEdit *log = page.findChild<QPlainTextEdit *>();
    ASSERT_NE(log, nullptr);
    log->parentWidget()->parentWidget()->setProperty("currentIndex", 1); // the Log tab
    for (int i = 0; i < 200; ++i)
        page.appendLog(cgs::LogLevel::Info, QStringLiteral("line %1").arg(i));
    QApplication::processEvents();
    ASSERT_GT(log->verticalScrollBar()->maximum(), 0);
    EXPECT_EQ(log->verticalScrollBar()->value(), log->verticalScrollBar()->maximum());
}

TEST(TrainPage, AFailureShowsTheSummaryOfItsKindAndLogsItAsAnError)
{
    QTemporaryDir runs;
    QTemporaryDir emptyData; // no trainA/, trainB/: the dataset (not the options) is refused
    TrainPage page;
    cgs::TrainOptions options = tinyOptions(runs.path(), "nodata");
    options.dataroot = emptyData.path().toStdString();
    page.optionsForm()->setOptions(options);
    page.startButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.banner()->isVisibleTo(&page) &&
                                       page.controller()->state() == State::Idle; }, 60000));
    EXPECT_EQ(page.banner()->summary(), failureSummary(cgs::ErrorKind::Dataset))
        << page.banner()->detail().toStdString();
    EXPECT_EQ(page.banner()->summary(), QStringLiteral("The dataset cannot be used"));
    const QString log = page.findChild<QPlainTextEdit *>()->toPlainText();
    EXPECT_TRUE(log.contains(QStringLiteral("error: The dataset cannot be used: ")))
        << log.toStdString();
}

} // namespace
} // namespace cgs::ui
