// What happens when the studio is asked to do two things at once. Each case
// either works or is refused with a message; none crashes or damages a file.

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/train/run_folder.h"
#include "ui/widgets/error_banner.h"
#include "ui/export/export_page.h"
#include "ui/train/loss_plot.h"
#include "ui/main_window.h"
#include "ui/widgets/model_picker.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "ui/translate/translate_page.h"
#include "tests/ui/ui_test_support.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>

#include <QAbstractButton>
#include <QMessageBox>

#include <gtest/gtest.h>

#include <memory>

#include <csignal>
#include <sys/resource.h>

namespace cgs::ui {
namespace {

// Closing while training asks first; answers "Stop, save and close".
void stopAndCloseWhenAsked(MainWindow &window)
{
    QMessageBox *question = window.closeQuestion();
    ASSERT_NE(question, nullptr) << "closing while training did not ask";
    QAbstractButton *stop = nullptr;
    for (QAbstractButton *b : question->buttons())
        if (b->text().contains(QLatin1String("Stop")))
            stop = b;
    ASSERT_NE(stop, nullptr);
    stop->click();
}

using State = TrainingController::State;
using test::tinyOptions;
using test::waitUntil;

QString checkpointsOf(const QString &runDir)
{
    return QString::fromStdString(cgs::RunFolder(runDir.toStdString()).checkpointsDir());
}

// Fails the test unless every checkpoint folder of the run passes its manifest.
void expectIntactCheckpoints(const QString &runDir)
{
    const QDir dir(checkpointsOf(runDir));
    const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    EXPECT_TRUE(folders.contains("latest")) << folders.join(' ').toStdString();
    for (const QString &folder : folders)
        EXPECT_NO_THROW(cgs::verifyCheckpointFolder(dir.filePath(folder).toStdString()))
            << folder.toStdString();
}

// Fails the test unless loss_log.csv holds iterations 1..n exactly once each; returns n.
qint64 expectEachIterationOnce(const QString &runDir)
{
    const std::vector<cgs::StepReport> steps =
        cgs::RunFolder(runDir.toStdString()).readLosses().steps;
    QSet<qint64> seen;
    qint64 last = 0;
    for (const cgs::StepReport &step : steps) {
        const qint64 it = step.iteration;
        EXPECT_FALSE(seen.contains(it)) << "iteration " << it << " logged twice";
        seen.insert(it);
        last = std::max(last, it);
    }
    EXPECT_EQ(seen.size(), last) << "an iteration is missing from loss_log.csv";
    return last;
}

bool showsError(TrainPage &page)
{
    return page.banner()->isVisibleTo(&page) && page.banner()->level() == ErrorBanner::Level::Error;
}

bool waitForSteps(TrainPage &page, int steps)
{
    return waitUntil([&] { return page.lossPlot()->pointCount() >= steps; }, 120000);
}

bool waitForIdle(TrainPage &page)
{
    return waitUntil([&] { return page.controller()->state() == State::Idle; }, 120000);
}

TEST(Concurrency, ASecondTrainingOfARunInUseIsRefusedWithAMessage)
{
    QTemporaryDir runs;
    TrainPage first;
    first.optionsForm()->setOptions(tinyOptions(runs.path(), "shared", 50, 8));
    first.startTraining();
    ASSERT_TRUE(waitForSteps(first, 1)) << first.banner()->detail().toStdString();
    const QString runDir = runs.filePath("shared");

    // The same page cannot start a second run while its first is active: the buttons are
    // off, and the shortcuts' slots say so without touching the running training's plot.
    EXPECT_FALSE(first.startButton()->isEnabled());
    EXPECT_FALSE(first.controller()->start(tinyOptions(runs.path(), "other", 1, 2)));
    const int shown = first.lossPlot()->pointCount();
    first.startTraining();
    first.resumeRun(test::trainTinyModel(runs.path(), "finished"));
    EXPECT_GE(first.lossPlot()->pointCount(), shown);
    EXPECT_EQ(first.optionsForm()->options().name, "shared");
    EXPECT_EQ(first.banner()->level(), ErrorBanner::Level::Warning);
    EXPECT_TRUE(first.banner()->summary().contains("already running"))
        << first.banner()->summary().toStdString();
    EXPECT_NE(first.controller()->state(), State::Idle);

    // Another page (another window) resuming the same run does not start a second training
    // of it: it watches the one in progress, read-only ...
    TrainPage second;
    second.resumeRun(runDir);
    EXPECT_TRUE(second.isWatching());
    EXPECT_EQ(second.controller()->state(), State::Idle);
    EXPECT_EQ(second.banner()->level(), ErrorBanner::Level::Info);
    ASSERT_TRUE(waitUntil([&] { return second.lossPlot()->pointCount() >= 1; }, 60000));

    // ... while a new run with the same options works: it gets the next free name.
    second.optionsForm()->setOptions(tinyOptions(runs.path(), "shared", 1, 2));
    second.startTraining();
    ASSERT_TRUE(waitForIdle(second)) << second.banner()->detail().toStdString();
    EXPECT_FALSE(showsError(second)) << second.banner()->detail().toStdString();
    expectIntactCheckpoints(runs.filePath("shared_2"));

    // The first run went on undisturbed.
    const int before = first.lossPlot()->pointCount();
    ASSERT_TRUE(waitForSteps(first, before + 2));
    first.stopButton()->click();
    ASSERT_TRUE(waitForIdle(first));
    expectIntactCheckpoints(runDir);
    EXPECT_GE(expectEachIterationOnce(runDir), before + 2);
}

TEST(Concurrency, ExportAndTranslateWhileTrainingRewritesTheirCheckpoint)
{
    QTemporaryDir runs;
    QTemporaryDir work;
    MainWindow window;
    window.show();
    window.showPage(MainWindow::TrainPageIndex); // where the Train menu's shortcuts act
    TrainPage *train = window.trainPage();
    cgs::TrainOptions options = tinyOptions(runs.path(), "live", 500, 8);
    options.saveLatestFreq = 1; // `latest` is rewritten after every step
    train->optionsForm()->setOptions(options);
    train->startTraining();
    const QString runDir = runs.filePath("live");
    ASSERT_TRUE(waitUntil([&] { return QDir(checkpointsOf(runDir)).exists("latest"); }, 120000))
        << train->banner()->detail().toStdString();

    const QString in = work.filePath("in");
    const QString out = work.filePath("out");
    QDir().mkpath(in);
    for (int i = 0; i < 12; ++i)
        test::writeTestImage(in, QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0')),
                             40 + i, 24);

    ExportPage *exporter = window.exportPage();
    exporter->modelPicker()->setModel(runDir);
    exporter->addInputDir(in);
    exporter->setOutputDir(out);
    QSignalSpy finished(exporter, &ExportPage::exportFinished);
    exporter->startExport();

    TranslatePage *translate = window.translatePage();
    translate->modelPicker()->setModel(runDir);
    translate->addFiles({QDir(in).filePath("img03.png")});
    // Each written checkpoint makes the page translate again with the new `latest`.
    QVector<QImage> outputs;
    QObject::connect(translate, &TranslatePage::entryUpdated, translate, [&](int index) {
        const QImage output = translate->entryOutput(index);
        if (!output.isNull() && (outputs.isEmpty() || outputs.last() != output))
            outputs.push_back(output);
    });

    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 120000));
    const auto summary = finished.first().at(0).value<cgs::ExportSummary>();
    const QString error = finished.first().at(1).toString();
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(summary.progress.translated, 12);
    EXPECT_EQ(summary.progress.failed, 0);
    for (int i = 0; i < 12; ++i)
        EXPECT_EQ(QImage(QDir(out).filePath(QStringLiteral("img%1.png").arg(i, 2, 10,
                                                                            QLatin1Char('0'))))
                      .size(),
                  QSize(40 + i, 24));

    ASSERT_TRUE(waitUntil([&] { return outputs.size() >= 3; }, 120000))
        << outputs.size() << " different translations; " << translate->entryError(0).toStdString();
    EXPECT_EQ(translate->entryError(0), QString());
    EXPECT_EQ(translate->entryOutput(0).size(), QSize(43, 24));
    EXPECT_NE(train->controller()->state(), State::Idle) << "the training ran all along";
    QAction *startAction = nullptr;
    for (QAction *action : window.findChildren<QAction *>())
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R))
            startAction = action;
    ASSERT_NE(startAction, nullptr);
    EXPECT_FALSE(startAction->isEnabled()) << "Train > Start is off while training";

    train->stopTraining();
    ASSERT_TRUE(waitForIdle(*train));
    EXPECT_TRUE(startAction->isEnabled());
    EXPECT_FALSE(showsError(*train)) << train->banner()->detail().toStdString();
    expectIntactCheckpoints(runDir);
    expectEachIterationOnce(runDir);
}

TEST(Concurrency, ClosingTheWindowDuringACheckpointWriteKeepsEveryCheckpoint)
{
    QTemporaryDir runs;
    // Wider networks make each checkpoint tens of MB, so writing one takes a while; with a
    // checkpoint after every step the window is closed while one is being written.
    cgs::TrainOptions options = tinyOptions(runs.path(), "closing", 50, 8);
    options.ngf = 32;
    options.ndf = 32;
    options.saveLatestFreq = 1;
    const QString runDir = runs.filePath("closing");
    const QDir checkpoints(checkpointsOf(runDir));

    auto window = std::make_unique<MainWindow>();
    window->show();
    window->trainPage()->optionsForm()->setOptions(options);
    window->trainPage()->startTraining();
    ASSERT_TRUE(waitUntil([&] { return checkpoints.exists("latest"); }, 120000))
        << window->trainPage()->banner()->detail().toStdString();
    // The trainer builds each checkpoint in .latest.tmp and swaps it in when complete.
    ASSERT_TRUE(waitUntil([&] { return checkpoints.exists(".latest.tmp"); }, 120000))
        << "no checkpoint write was seen";
    QElapsedTimer clock;
    clock.start();
    // The window stays open (and responsive) until the stop checkpoint is written, says why,
    // then closes by itself.
    EXPECT_FALSE(window->close());
    stopAndCloseWhenAsked(*window);
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(window->statusBar()->currentMessage().contains("saving the latest checkpoint"))
        << window->statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(waitUntil([&] { return !window->isVisible(); }, 60000));
    EXPECT_EQ(window->trainPage()->controller()->state(), State::Idle);
    std::printf("[          ] closing during a checkpoint write took %lld ms\n",
                static_cast<long long>(clock.elapsed()));
    window.reset();

    EXPECT_FALSE(checkpoints.exists(".latest.tmp")) << "a temporary checkpoint was left behind";
    expectIntactCheckpoints(runDir);
    const qint64 logged = expectEachIterationOnce(runDir);
    // The stop wrote `latest` at the last logged step: nothing trained is lost.
    const cgs::CheckpointInfo latest =
        cgs::readCheckpointInfo(checkpoints.filePath("latest").toStdString());
    EXPECT_EQ(latest.iteration, logged);

    // And the run resumes from it.
    TrainPage again;
    again.resumeRun(runDir);
    ASSERT_TRUE(waitForSteps(again, static_cast<int>(logged) + 1))
        << again.banner()->detail().toStdString();
    again.stopTraining();
    ASSERT_TRUE(waitForIdle(again));
    EXPECT_FALSE(showsError(again)) << again.banner()->detail().toStdString();
    expectEachIterationOnce(runDir);
}

// Limits the size of files this process may write (a full disk, for the writes that grow past
// it) while in scope; SIGXFSZ is ignored, so such a write fails with EFBIG.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, m_old.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        ::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    sighandler_t m_oldHandler = SIG_DFL;
};

TEST(Concurrency, ClosingWhenTheStopCannotSaveKeepsTheWindowOpenWithTheError)
{
    QTemporaryDir runs;
    cgs::TrainOptions options = tinyOptions(runs.path(), "full", 50, 8);
    options.ngf = 32; // checkpoint files of several MB
    options.saveLatestFreq = 4;
    const QString runDir = runs.filePath("full");
    const QDir checkpoints(checkpointsOf(runDir));
    MainWindow window;
    window.show();
    window.showPage(MainWindow::ExportPageIndex);
    window.trainPage()->optionsForm()->setOptions(options);
    window.trainPage()->startTraining();
    ASSERT_TRUE(waitUntil([&] { return checkpoints.exists("latest"); }, 120000))
        << window.trainPage()->banner()->detail().toStdString();
    const qint64 kept = cgs::readCheckpointInfo(checkpoints.filePath("latest").toStdString()).iteration;
    {
        const FileSizeLimit full(1 << 20); // the loss log fits, no checkpoint file does
        EXPECT_FALSE(window.close());
        stopAndCloseWhenAsked(window);
        ASSERT_TRUE(waitUntil([&] { return window.trainPage()->controller()->state() == State::Idle; },
                              120000));
        waitUntil([] { return false; }, 200); // the deferred close would have run by now
    }
    EXPECT_TRUE(window.isVisible()) << "the window closed and hid the failure";
    EXPECT_EQ(window.currentPage(), MainWindow::TrainPageIndex);
    EXPECT_TRUE(showsError(*window.trainPage()));
    EXPECT_TRUE(window.trainPage()->banner()->detail().contains("Cannot write checkpoint"))
        << window.trainPage()->banner()->detail().toStdString();
    // The checkpoint written before is still there and intact.
    expectIntactCheckpoints(runDir);
    EXPECT_GE(cgs::readCheckpointInfo(checkpoints.filePath("latest").toStdString()).iteration, kept);
    EXPECT_FALSE(checkpoints.exists(".latest.tmp"));
    EXPECT_TRUE(window.close()); // nothing runs any more: closes at once
}

} // namespace
} // namespace cgs::ui
