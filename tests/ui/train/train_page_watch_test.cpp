// The Train page showing runs it does not train (openRun): a finished run with its previews,
// and a run that a `cyclegan train` child process writes, followed live.
#include "ui/train/train_page.h"
#include "ui/train/dataset_overview_panel.h"

#include "core/engine/train/run_folder.h"
#include "core/engine/train/run_lock.h"
#include "ui/train/loss_plot.h"
#include "ui/train/preview_panel.h"
#include "ui/train/train_options_form.h"
#include "ui/widgets/error_banner.h"
#include "tests/ui/ui_test_support.h"

#include "core/engine/train/trainer.h"
#include "core/imageio/folder_source.h"
#include "core/imageio/png_writer.h"

#include <QDir>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::waitUntil;
using State = TrainingController::State;

// A finished tiny run with two previews on disk (one epoch of 4 images, a preview every 2).
QString trainWithPreviews(const QString &runsDir, const QString &name)
{
    cgs::TrainOptions o = test::tinyOptions(runsDir, name, 1, 4);
    o.displayFreq = 2;
    cgs::Trainer trainer(o, std::make_unique<cgs::FolderSource>(o),
                         std::make_shared<cgs::PngWriter>());
    cgs::TrainingObserver quiet;
    cgs::TrainControl control;
    trainer.run(quiet, control);
    return QString::fromStdString(o.runDir());
}

TEST(TrainPageWatch, AFinishedRunOpensWithItsCurvesAndPreviews)
{
    QTemporaryDir runs;
    const QString runDir = trainWithPreviews(runs.path(), "done");
    const std::size_t onDisk = cgs::RunFolder(runDir.toStdString()).previews().size();
    ASSERT_EQ(onDisk, 2u);
    TrainPage page;
    page.show();
    const std::string dataroot = page.optionsForm()->options().dataroot;
    page.openRun(runDir);
    EXPECT_TRUE(page.isWatching());
    EXPECT_EQ(page.lossPlot()->pointCount(), 4);
    ASSERT_TRUE(waitUntil([&] { return page.previewPanel()->frameCount() == 2; }, 30000))
        << "the previews on disk are shown: " << page.previewPanel()->frameCount();
    EXPECT_FALSE(page.previewPanel()->shownImages().value(0).isNull());
    EXPECT_TRUE(page.watchText().contains(QStringLiteral("finished"))) << page.watchText().toStdString();
    EXPECT_FALSE(page.startButton()->isVisible()) << "watching replaces Start / Pause / Stop";
    EXPECT_FALSE(page.startButton()->isEnabled());
    EXPECT_TRUE(page.watchBar()->isVisible());
    page.stopWatching();
    EXPECT_FALSE(page.isWatching());
    EXPECT_TRUE(page.startButton()->isVisible());
    EXPECT_EQ(page.optionsForm()->options().dataroot, dataroot) << "the form is as it was";
}

// A fault from the field: "Preview history is lost on resume".
TEST(TrainPageWatch, AResumedRunShowsThePreviewsItSaved)
{
    QTemporaryDir runs;
    const QString runDir = trainWithPreviews(runs.path(), "again");
    TrainPage page;
    page.show();
    page.resumeRun(runDir, 1); // one epoch more (it had finished)
    ASSERT_TRUE(waitUntil([&] { return page.previewPanel()->frameCount() >= 2; }, 60000))
        << page.previewPanel()->frameCount();
    ASSERT_TRUE(waitUntil([&] { return page.controller()->state() == State::Idle; }, 180000));
    EXPECT_GE(page.previewPanel()->frameCount(), 4) << "two saved, two new";
    const cgs::RunFolder folder(runDir.toStdString());
    EXPECT_EQ(folder.readOptions().totalEpochs(), 2);
    EXPECT_EQ(folder.status().state, cgs::RunFolder::RunState::Finished);
    EXPECT_EQ(folder.readLastLosses()->epoch, 2);
}

// "Resume run…" on a run that another training holds (its lock) watches it; the form comes back.
TEST(TrainPageWatch, ResumingARunThatIsTrainedElsewhereWatchesIt)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path(), "held");
    cgs::RunLock otherTraining(runDir.toStdString()); // as a CLI training would hold it
    TrainPage page;
    page.show();
    cgs::TrainOptions mine = test::tinyOptions(runs.path(), "mine", 7, 3);
    mine.cropSize = 48;
    page.optionsForm()->setOptions(mine);
    page.resumeRun(runDir);
    EXPECT_TRUE(page.isWatching());
    EXPECT_EQ(page.controller()->state(), State::Idle) << "nothing was started";
    EXPECT_EQ(page.banner()->level(), ErrorBanner::Level::Info);
    EXPECT_TRUE(page.watchText().contains(QStringLiteral("trained by")))
        << page.watchText().toStdString();
    EXPECT_EQ(page.optionsForm()->options().name, "held") << "the run's options, read-only";
    EXPECT_FALSE(page.optionsForm()->isEditable());
    const auto *overview = page.optionsForm()->findChild<DatasetOverviewPanel *>();
    ASSERT_NE(overview, nullptr);
    EXPECT_TRUE(overview->isEnabled()) << "thumbnails stay in colour while watching";
    EXPECT_GE(page.lossPlot()->pointCount(), 2);
    page.stopWatching();
    EXPECT_TRUE(page.optionsForm()->isEditable());
    EXPECT_EQ(page.optionsForm()->options().name, "mine");
    EXPECT_EQ(page.optionsForm()->options().cropSize, 48);
    // The 12-06 walk: after Close, the old run's curves, status and banner stayed.
    EXPECT_EQ(page.lossPlot()->pointCount(), 0);
    EXPECT_FALSE(page.banner()->isVisibleTo(&page));
    EXPECT_FALSE(page.statusText().contains(QStringLiteral("held"))) << page.statusText().toStdString();
}

// A run that another process trains opens read-only and follows the log.
TEST(TrainPageWatch, ACliTrainingIsWatchedLive)
{
    QTemporaryDir runs;
    const QString runDir = QDir(runs.path()).filePath(QStringLiteral("cli"));
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(CGS_CLI_PATH),
              {"train", "--dataroot", test::demoDataroot(), "--name", "cli", "--checkpoints_dir",
               runs.path(), "--netG", "resnet_6blocks", "--ngf", "4", "--ndf", "4",
               "--load_size", "36", "--crop_size", "32", "--max_dataset_size", "4",
               "--n_epochs", "100", "--n_epochs_decay", "0", "--display_freq", "8",
               "--print_freq", "1000", "--save_epoch_freq", "1", "--seed", "7",
               "--cpu_threads", "1", "--num_threads", "1"});
    ASSERT_TRUE(cli.waitForStarted(30000));
    const cgs::RunFolder folder(runDir.toStdString());
    // Generous: the CI machine has 2 busy cores.
    ASSERT_TRUE(waitUntil([&] { return folder.readLosses().steps.size() >= 2; }, 180000))
        << cli.readAll().toStdString();
    TrainPage page;
    page.show();
    page.openRun(runDir);
    ASSERT_TRUE(page.isWatching());
    EXPECT_FALSE(page.startButton()->isVisible());
    ASSERT_TRUE(waitUntil([&] { return page.watchText().contains(QStringLiteral("trained by")); },
                          30000))
        << page.watchText().toStdString();
    const int before = page.lossPlot()->pointCount();
    EXPECT_GE(before, 2);
    ASSERT_TRUE(waitUntil([&] { return page.lossPlot()->pointCount() >= before + 3; }, 180000))
        << "the curve does not grow: " << page.lossPlot()->pointCount() << " points";
    ASSERT_TRUE(waitUntil([&] { return page.previewPanel()->frameCount() >= 1; }, 180000));
    // Ctrl+C of the CLI: it saves and stops; the page says so.
    cli.terminate();
    ASSERT_TRUE(cli.waitForFinished(180000));
    ASSERT_TRUE(waitUntil([&] { return page.watchText().contains(QStringLiteral("stopped")); },
                          30000))
        << page.watchText().toStdString();
    const int rows = static_cast<int>(folder.readLosses().steps.size());
    EXPECT_TRUE(waitUntil([&] { return page.lossPlot()->pointCount() == rows; }, 30000))
        << page.lossPlot()->pointCount() << " points for " << rows << " rows";
}

} // namespace
} // namespace cgs::ui
