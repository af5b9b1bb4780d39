// The Runs view: every run of the runs folder with its state, epoch, losses, date and preview;
// its actions lead to the other pages; the model lists of the pages come from it.
#include "ui/runs/runs_page.h"

#include "core/engine/train/run_folder.h"
#include "core/engine/train/trainer.h"
#include "core/imageio/folder_source.h"
#include "core/imageio/png_writer.h"
#include "ui/compare/compare_page.h"
#include "ui/export/export_page.h"
#include "ui/main_window.h"
#include "ui/runs/run_catalog.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "ui/translate/translate_page.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/model_picker.h"
#include "tests/ui/ui_test_support.h"

#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QFile>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

#include <chrono>

namespace cgs::ui {
namespace {

using test::waitUntil;
using State = cgs::RunFolder::RunState;

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

std::int64_t now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A run that a trainer on another host writes to this (shared) folder: options, a loss row and
// a heartbeat; no lock here.
QString runOnAnotherHost(const QString &runsDir, const QString &name, std::int64_t beatTime)
{
    const cgs::TrainOptions o = test::tinyOptions(runsDir, name, 3, 4);
    const cgs::RunFolder folder(o.runDir());
    folder.create(o);
    folder.startLossLog(cgs::RunFolder::LossLog::New, 0);
    cgs::StepReport step;
    step.iteration = 5;
    step.epoch = 2;
    step.losses.gA = 0.75;
    folder.appendLosses({step});
    cgs::RunFolder::Heartbeat beat;
    beat.state = State::Training;
    beat.host = "gpu7";
    beat.pid = 99;
    beat.epoch = 2;
    beat.updated = beatTime;
    folder.writeHeartbeat(beat);
    // The file server's time of the last beat, too.
    QFile file(QString::fromStdString(folder.heartbeatPath()));
    EXPECT_TRUE(file.open(QIODevice::ReadWrite));
    file.setFileTime(QDateTime::fromSecsSinceEpoch(beatTime), QFileDevice::FileModificationTime);
    return QString::fromStdString(folder.dir());
}

QTreeWidgetItem *rowOf(const RunsPage &page, const QString &name)
{
    for (int i = 0; i < page.list()->topLevelItemCount(); ++i)
        if (page.list()->topLevelItem(i)->text(RunsPage::NameColumn) == name)
            return page.list()->topLevelItem(i);
    return nullptr;
}

TEST(RunsPage, ListsEveryRunWithStateEpochLossesDateAndPreview)
{
    QTemporaryDir runs;
    trainWithPreviews(runs.path(), "done");
    runOnAnotherHost(runs.path(), "remote", now() - 3);
    runOnAnotherHost(runs.path(), "crashed", now() - 3600);
    QDir(runs.path()).mkpath(QStringLiteral("not_a_run"));
    RunCatalog catalog;
    catalog.setRunsFolder(runs.path());
    catalog.refreshNow();
    RunsPage page(&catalog);
    page.show();
    ASSERT_EQ(page.list()->topLevelItemCount(), 3) << "not_a_run is not listed";
    const QTreeWidgetItem *done = rowOf(page, "done");
    ASSERT_TRUE(done);
    EXPECT_EQ(done->text(RunsPage::StateColumn), QStringLiteral("finished"));
    EXPECT_EQ(done->text(RunsPage::EpochColumn), QStringLiteral("1 of 1"));
    EXPECT_TRUE(done->text(RunsPage::LossesColumn).startsWith(QStringLiteral("G ")));
    EXPECT_FALSE(done->text(RunsPage::DateColumn).isEmpty());
    EXPECT_FALSE(done->icon(RunsPage::NameColumn).isNull()) << "the latest preview as thumbnail";
    const QTreeWidgetItem *remote = rowOf(page, "remote");
    ASSERT_TRUE(remote);
    EXPECT_EQ(remote->text(RunsPage::StateColumn), QStringLiteral("training now (on gpu7)"));
    EXPECT_EQ(remote->text(RunsPage::EpochColumn), QStringLiteral("2 of 3"));
    EXPECT_TRUE(remote->text(RunsPage::LossesColumn).contains(QStringLiteral("0.750")));
    const QTreeWidgetItem *crashed = rowOf(page, "crashed");
    ASSERT_TRUE(crashed);
    EXPECT_EQ(crashed->text(RunsPage::StateColumn), QStringLiteral("failed"));
    EXPECT_TRUE(crashed->toolTip(RunsPage::StateColumn).contains(QStringLiteral("No heartbeat")));
    // Only runs with a checkpoint are models.
    EXPECT_EQ(catalog.modelPaths(), QStringList{QDir(runs.path()).filePath("done")});
}

class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

TEST(RunsPage, RevealAndMoveToTheTrash)
{
    QTemporaryDir runs;
    const QString done = QDir::cleanPath(test::trainTinyModel(runs.path(), "old"));
    const QString busy = runOnAnotherHost(runs.path(), "busy", now());
    RunCatalog catalog;
    catalog.setRunsFolder(runs.path());
    catalog.refreshNow();
    RunsPage page(&catalog);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    page.selectRun(done);
    page.revealSelected();
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    ASSERT_EQ(catcher.urls.size(), 1);
    EXPECT_EQ(catcher.urls[0].toLocalFile(), done);
    // A run being trained (on another host) is not thrown away.
    page.selectRun(busy);
    page.trashSelected(RunsPage::Confirm::Skip);
    EXPECT_TRUE(QDir(busy).exists());
    EXPECT_EQ(page.banner()->level(), ErrorBanner::Level::Warning);
    page.selectRun(done);
    page.trashSelected(RunsPage::Confirm::Skip);
    EXPECT_FALSE(QDir(done).exists()) << page.banner()->detail().toStdString();
    // In the trash: $XDG_DATA_HOME/Trash (a temporary folder of the test main), or the
    // .Trash-<uid> of the temporary folder's file system.
    const QString trashed = page.banner()->detail();
    EXPECT_TRUE(QDir(trashed).exists(QStringLiteral("checkpoints"))) << trashed.toStdString();
    EXPECT_FALSE(rowOf(page, "old"));
    QDir(trashed).removeRecursively();
}

// Runs trained outside the studio appear in every model list; the Runs page's actions lead to
// the other pages.
TEST(RunsPage, FeedsTheModelListsAndTheOtherPages)
{
    QSettings().clear();
    QTemporaryDir runs;
    const QString done = QDir::cleanPath(trainWithPreviews(runs.path(), "elsewhere"));
    MainWindow window;
    window.show();
    window.trainPage()->optionsForm()->setOptions(
        TrainOptionsForm::quickStartOptions(test::demoDataroot(), runs.path()));
    window.showPage(MainWindow::RunsPageIndex); // follows the form's runs folder
    EXPECT_EQ(window.runCatalog()->runsFolder(), QDir::cleanPath(runs.path()));
    window.runCatalog()->refreshNow();
    for (ModelPicker *picker :
         {window.translatePage()->modelPicker(), window.exportPage()->modelPicker()}) {
        auto *combo = picker->findChild<QComboBox *>();
        ASSERT_TRUE(combo);
        EXPECT_GE(combo->findData(done), 0) << "the run is in the model list";
    }
    RunsPage *page = window.runsPage();
    page->selectRun(done);
    page->translateWithSelected();
    EXPECT_EQ(window.currentPage(), MainWindow::TranslatePageIndex);
    EXPECT_EQ(window.translatePage()->modelPicker()->model(), done);
    page->compareSelected();
    EXPECT_EQ(window.currentPage(), MainWindow::ComparePageIndex);
    EXPECT_EQ(window.comparePage()->modelCount(), 1) << "epoch_0001 (latest is the same epoch)";
    page->openSelected();
    EXPECT_EQ(window.currentPage(), MainWindow::TrainPageIndex);
    EXPECT_TRUE(window.trainPage()->isWatching());
    EXPECT_TRUE(waitUntil([&] { return window.trainPage()->watchText().contains("finished"); },
                          10000));
}

} // namespace
} // namespace cgs::ui

#include "runs_page_test.moc"
