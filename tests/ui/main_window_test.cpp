#include "ui/main_window.h"

#include "ui/demo_locator.h"
#include "ui/train/loss_plot.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "tests/ui/ui_test_support.h"

#include <QAction>
#include <QDir>
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
