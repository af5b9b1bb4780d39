#include "ui/main_window.h"

#include "core/engine/checkpoint/checkpoint_store.h"

#include "ui/demo_locator.h"
#include "ui/train/loss_plot.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "tests/ui/ui_test_support.h"

#include <QAbstractButton>
#include <QAction>
#include <QMessageBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(MainWindow, OpensOnTheDemoProjectWithValidOptions)
{
    QSettings().clear();
    MainWindow window;
    const cgs::TrainOptions options = window.trainPage()->optionsForm()->options();
    EXPECT_EQ(QString::fromStdString(options.dataroot), DemoLocator::demoDataroot());
    EXPECT_NO_THROW(options.validate());
    EXPECT_EQ(window.currentPage(), MainWindow::TrainPageIndex);
    EXPECT_TRUE(test::waitUntil([&] { return window.deviceText().contains("CPU") ||
                                             window.deviceText().contains("CUDA"); }, 30000))
        << window.deviceText().toStdString();
}

TEST(MainWindow, PagesHaveShortcutsAndSettingsPersist)
{
    QSettings().clear();
    {
        MainWindow window;
        window.showPage(MainWindow::ComparePageIndex);
        window.close(); // saves geometry, page and options
    }
    MainWindow again;
    EXPECT_EQ(again.currentPage(), MainWindow::ComparePageIndex);
    int shortcuts = 0;
    for (QAction *menu : again.menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            shortcuts += action->shortcut().isEmpty() ? 0 : 1;
    EXPECT_GE(shortcuts, 9); // open, quit, start, pause, stop, four pages (F1 depends on the platform)
}

QAction *actionWithShortcut(MainWindow &window, const QKeySequence &keys)
{
    for (QAction *menu : window.menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            if (action->shortcut() == keys)
                return action;
    return nullptr;
}

TEST(MainWindow, ShortcutsFollowDesktopConventionsAndTrainingOnesStayOnTheTrainPage)
{
    QSettings().clear();
    MainWindow window;
    QAction *open = actionWithShortcut(window, QKeySequence::Open);
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(open->text().contains("Open images")) << open->text().toStdString();
    QAction *help = actionWithShortcut(window, QKeySequence(Qt::Key_F1));
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->text().contains("Help")) << help->text().toStdString();
    EXPECT_FALSE(help->text().contains("About"));

    QAction *start = actionWithShortcut(window, QKeySequence(Qt::CTRL | Qt::Key_R));
    ASSERT_NE(start, nullptr);
    window.showPage(MainWindow::TrainPageIndex);
    EXPECT_TRUE(start->isEnabled());
    for (int page : {MainWindow::TranslatePageIndex, MainWindow::ComparePageIndex,
                     MainWindow::ExportPageIndex}) {
        window.showPage(page);
        EXPECT_FALSE(start->isEnabled()) << "page " << page;
    }
    window.showPage(MainWindow::TrainPageIndex);
    EXPECT_TRUE(start->isEnabled());
}

TEST(MainWindow, HasAMinimumSize)
{
    MainWindow window;
    EXPECT_GE(window.minimumWidth(), 1000);
    EXPECT_GE(window.minimumHeight(), 600);
    EXPECT_LE(window.minimumWidth(), 1366);
    EXPECT_LE(window.minimumHeight(), 700);
}

TEST(MainWindow, DestroyedWhileTrainingNeitherCrashesNorHangs)
{
    QTemporaryDir runs;
    auto window = std::make_unique<MainWindow>();
    window->show();
    TrainPage *page = window->trainPage();
    page->optionsForm()->setOptions(test::tinyOptions(runs.path(), "closing", 50, 8));
    page->startTraining();
    ASSERT_TRUE(test::waitUntil([&] { return page->lossPlot()->pointCount() > 0; }, 120000));
    QElapsedTimer timer;
    timer.start();
    window.reset();
    std::printf("[          ] closing the window while training took %lld ms\n",
                static_cast<long long>(timer.elapsed()));
    EXPECT_LT(timer.elapsed(), 60000);
    EXPECT_TRUE(QDir(runs.filePath("closing/checkpoints/latest")).exists());
}

} // namespace
} // namespace cgs::ui

namespace cgs::ui {
namespace {

QAbstractButton *buttonOf(QMessageBox *box, const QString &text)
{
    if (box)
        for (QAbstractButton *b : box->buttons())
            if (b->text() == text)
                return b;
    return nullptr;
}

// The 12-06 walk: closing the window during training asked nothing, and after reopening,
// Start silently began a new run (..._2) from scratch. Now closing asks, and the next start
// offers the interrupted run back, which then continues in its own folder.
TEST(MainWindow, ClosingWhileTrainingAsksAndTheNextStartOffersTheRunBack)
{
    QSettings().clear();
    QTemporaryDir runs;
    const cgs::TrainOptions options = test::tinyOptions(runs.path(), "day", 40, 8);
    const QString runDir = QDir(runs.path()).filePath("day");
    {
        MainWindow window;
        window.show();
        window.trainPage()->optionsForm()->setOptions(options);
        window.trainPage()->startTraining();
        ASSERT_TRUE(test::waitUntil([&] { return window.trainPage()->controller()->isActive(); },
                                    60000));
        EXPECT_FALSE(window.close());
        QAbstractButton *keep = buttonOf(window.closeQuestion(), QStringLiteral("Keep training"));
        ASSERT_NE(keep, nullptr) << "closing while training did not ask";
        keep->click();
        test::waitUntil([] { return false; }, 200);
        EXPECT_TRUE(window.isVisible());
        EXPECT_TRUE(window.trainPage()->controller()->isActive()) << "Keep training stopped it";
        EXPECT_FALSE(window.close());
        QAbstractButton *stop =
            buttonOf(window.closeQuestion(), QStringLiteral("Stop, save and close"));
        ASSERT_NE(stop, nullptr);
        stop->click();
        ASSERT_TRUE(test::waitUntil([&] { return !window.isVisible(); }, 120000));
    }
    EXPECT_EQ(QSettings().value(QStringLiteral("train/interruptedRun")).toString(), runDir);
    const qint64 stoppedAt =
        cgs::readCheckpointInfo(QDir(runDir).filePath("checkpoints/latest").toStdString()).iteration;

    MainWindow again;
    again.show();
    ASSERT_TRUE(test::waitUntil([&] { return again.interruptedRunOffer() != nullptr; }, 5000));
    EXPECT_TRUE(again.interruptedRunOffer()->text().contains(QDir::toNativeSeparators(runDir)))
        << again.interruptedRunOffer()->text().toStdString();
    QAbstractButton *resume =
        buttonOf(again.interruptedRunOffer(), QStringLiteral("Continue training"));
    ASSERT_NE(resume, nullptr);
    resume->click();
    ASSERT_TRUE(test::waitUntil([&] { return !again.trainPage()->runDir().isEmpty(); }, 60000));
    EXPECT_EQ(QDir::cleanPath(again.trainPage()->runDir()), QDir::cleanPath(runDir));
    EXPECT_FALSE(QDir(runs.path()).exists(QStringLiteral("day_2"))) << "a new run was started";
    // It goes on from where it stopped: its latest checkpoint moves past that iteration.
    const auto latestIteration = [&]() -> qint64 {
        try {
            return cgs::readCheckpointInfo(
                       QDir(runDir).filePath("checkpoints/latest").toStdString())
                .iteration;
        } catch (const std::exception &) {
            return -1; // being swapped in
        }
    };
    EXPECT_TRUE(test::waitUntil([&] { return latestIteration() > stoppedAt; }, 120000));
    again.trainPage()->stopTraining();
    ASSERT_TRUE(test::waitUntil([&] { return !again.trainPage()->controller()->isActive(); }, 120000));
    EXPECT_FALSE(QSettings().contains(QStringLiteral("train/interruptedRun")));
}


// The 12-06 walk: Help said "Ctrl+1…4" for five pages.
TEST(MainWindow, HelpNamesAShortcutForEveryPage)
{
    MainWindow window;
    window.showHelp();
    auto *help = window.findChild<QMessageBox *>(QStringLiteral("helpBox"));
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->text().contains(QStringLiteral("Ctrl+1\u2026%1").arg(MainWindow::PageCount)))
        << help->text().toStdString();
    help->close();
}

// The 12-06 walk: the device box was free text (auto / cpu / cuda), and a machine with an NVIDIA
// GPU trained on the CPU without a word. Now the devices are offered by name, and a GPU that
// cannot be used is said where the device is shown, with why (an injected driver folder).
TEST(MainWindow, DevicesAreChosenByNameAndAnUnusableGpuIsExplained)
{
    QTemporaryDir driver;
    QDir(driver.path()).mkpath(QStringLiteral("gpus/0000:01:00.0"));
    QFile info(driver.filePath(QStringLiteral("gpus/0000:01:00.0/information")));
    ASSERT_TRUE(info.open(QIODevice::WriteOnly));
    info.write("Model: \t\t NVIDIA GeForce RTX 3090\n");
    info.close();
    qputenv("CGS_NVIDIA_DRIVER_DIR", driver.path().toUtf8());
    MainWindow window;
    const bool explained = test::waitUntil(
        [&] { return window.deviceText().contains(QStringLiteral("NVIDIA GPU is not used")); },
        30000);
    qunsetenv("CGS_NVIDIA_DRIVER_DIR");
    if (!explained && window.deviceText().contains(QStringLiteral("CUDA")))
        GTEST_SKIP() << "a usable GPU here";
    EXPECT_TRUE(explained) << window.deviceText().toStdString();
    QComboBox *box = window.trainPage()->optionsForm()->deviceBox();
    EXPECT_FALSE(box->isEditable());
    EXPECT_GE(box->findData(QStringLiteral("cpu")), 0);
    EXPECT_EQ(box->itemData(0).toString(), QStringLiteral("auto"));
    EXPECT_TRUE(box->toolTip().contains(QStringLiteral("NVIDIA GeForce RTX 3090")))
        << box->toolTip().toStdString();
    box->setCurrentIndex(box->findData(QStringLiteral("cpu")));
    EXPECT_EQ(window.trainPage()->optionsForm()->options().device, "cpu");
}
} // namespace
} // namespace cgs::ui
