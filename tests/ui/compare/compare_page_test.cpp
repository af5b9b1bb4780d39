#include "ui/compare/compare_page.h"

#include "ui/compare/tile_viewer.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "ui/compare/compare_grid.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/metrics_plot.h"
#include "tests/ui/ui_test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <qcustomplot.h>

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QListWidget>
#include <QScrollBar>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

namespace cgs::ui {
namespace {

using test::waitUntil;

TEST(ComparePage, OneColumnPerCheckpoint)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path());
    const auto checkpoints = cgs::listCheckpoints(runDir.toStdString());
    ASSERT_GE(checkpoints.size(), 2u) << "epoch_0001 and latest";

    // `latest` written at the end of the last epoch is not a column of its own.
    int distinct = 0;
    for (const cgs::CheckpointInfo &info : checkpoints)
        distinct += info.tag != "latest" ||
                    std::none_of(checkpoints.cbegin(), checkpoints.cend(), [&](const auto &o) {
                        return o.tag != "latest" && o.iteration == info.iteration;
                    });
    ASSERT_LT(distinct, static_cast<int>(checkpoints.size())) << "the tiny run ends on an epoch";

    ComparePage page;
    page.show();
    page.addRunCheckpoints(runDir);
    EXPECT_EQ(page.modelCount(), distinct);
    // Directions carry the run's domain names (its dataroot is .../monet2photo).
    const QString monetToPhoto = QStringLiteral("monet \u2192 photo");
    bool named = false;
    for (const QComboBox *box : page.findChildren<QComboBox *>())
        named = named || (box->count() == 2 && box->itemText(0) == monetToPhoto &&
                          box->itemText(1) == QStringLiteral("photo \u2192 monet"));
    EXPECT_TRUE(named) << "no direction box reads 'monet -> photo', 'photo -> monet'";
    EXPECT_EQ(page.metricsPlot()->plot()->graph(0)->name(), monetToPhoto);
    page.clearModels();
    EXPECT_EQ(page.metricsPlot()->plot()->graph(0)->name(), QStringLiteral("A \u2192 B"));
    page.addRunCheckpoints(runDir);
    page.addInputs({test::writeTestImage(runs.path(), "a.png", 40, 30),
                    test::writeTestImage(runs.path(), "b.png", 24, 24)});
    QSignalSpy done(&page, &ComparePage::comparisonFinished);
    page.compare();
    ASSERT_TRUE(waitUntil([&] { return !done.isEmpty(); }, 60000));

    const CompareGrid *grid = page.grid();
    EXPECT_EQ(grid->modelColumnCount(), distinct);
    EXPECT_EQ(grid->rowCount(), 2);
    for (int c = 0; c < grid->modelColumnCount(); ++c) {
        EXPECT_EQ(grid->cell(0, c).size(), QSize(40, 30)) << "column " << c;
        EXPECT_EQ(grid->cell(1, c).size(), QSize(24, 24)) << "column " << c;
    }
    const QString png = runs.filePath("grid.png");
    page.exportGrid(png);
    const QImage exported(png);
    ASSERT_FALSE(exported.isNull());
    EXPECT_GT(exported.width(), 40 * (1 + distinct));
}

// Evaluate: SWD of each checkpoint column (no Inception weights here), written to the run's
// metrics.csv, shown under the column headers and in the plot, the best one starred.
TEST(ComparePage, EvaluateShowsMetricsPerCheckpoint)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path());
    QDir(runs.path()).mkpath(QStringLiteral("testA"));
    QDir(runs.path()).mkpath(QStringLiteral("testB"));
    for (int i = 0; i < 2; ++i) {
        test::writeTestImage(runs.filePath("testA"), QStringLiteral("a%1.png").arg(i), 40, 30);
        test::writeTestImage(runs.filePath("testB"), QStringLiteral("b%1.png").arg(i), 32, 32);
    }
    qputenv("CGS_INCEPTION_WEIGHTS", "");
    qputenv("XDG_CACHE_HOME", runs.filePath("cache").toUtf8());
    qputenv("TORCH_HOME", runs.filePath("torch").toUtf8());
    ComparePage page;
    page.show();
    page.addRunCheckpoints(runDir);
    QSignalSpy done(&page, &ComparePage::evaluationFinished);
    page.evaluate(runs.filePath("testA"), runs.filePath("testB"));
    ASSERT_TRUE(waitUntil([&] { return !done.isEmpty(); }, 120000));
    EXPECT_TRUE(QFile::exists(runDir + "/metrics.csv"));
    EXPECT_EQ(page.metricsPlot()->metricName(), QStringLiteral("SWD"));
    EXPECT_GE(page.metricsPlot()->pointCount(), 2) << "epoch_0001 in both directions";
    EXPECT_FALSE(page.metricsPlot()->bestCheckpoint(QStringLiteral("AtoB")).isEmpty());
    EXPECT_TRUE(page.banner()->isVisible()) << "SWD only: says where to get the Inception weights";
    page.addInputs({test::writeTestImage(runs.path(), "c.png", 24, 24)});
    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    page.compare();
    ASSERT_TRUE(waitUntil([&] { return !compared.isEmpty(); }, 60000));
    int starred = 0;
    for (int c = 0; c < page.grid()->modelColumnCount(); ++c) {
        const QString note = page.grid()->columnNote(c);
        if (!note.isEmpty()) {
            EXPECT_TRUE(note.startsWith(QStringLiteral("SWD "))) << note.toStdString();
            starred += note.contains(QChar(0x2605)) ? 1 : 0;
        }
    }
    EXPECT_GE(starred, 1); // epoch_0001 and latest hold the same weights: both may be best
}

// A run folder of the official train.py, as it is on disk: one column per saved epoch.
TEST(ComparePage, AnOfficialRunFolderGivesAColumnPerEpoch)
{
    QTemporaryDir run;
    const QString fixtures = qEnvironmentVariable("CGS_SOURCE_DIR") + "/tests/fixtures/official/";
    // Both are real PyTorch files with the same weights (legacy and zip serialisation).
    ASSERT_TRUE(QFile::copy(fixtures + "gen9_legacy.pth", run.filePath("latest_net_G_A.pth")));
    ASSERT_TRUE(QFile::copy(fixtures + "gen9_zip.pth", run.filePath("5_net_G_A.pth")));
    ComparePage page;
    page.addRunCheckpoints(run.path());
    ASSERT_EQ(page.modelCount(), 2);
    page.addInputs({test::writeTestImage(run.path(), "a.png", 33, 21)});
    QSignalSpy done(&page, &ComparePage::comparisonFinished);
    page.compare();
    ASSERT_TRUE(waitUntil([&] { return !done.isEmpty(); }, 60000));
    const CompareGrid *grid = page.grid();
    ASSERT_EQ(grid->modelColumnCount(), 2);
    EXPECT_TRUE(grid->modelHeader(0).endsWith("/ 5")) << grid->modelHeader(0).toStdString();
    EXPECT_TRUE(grid->modelHeader(1).endsWith("/ latest")) << grid->modelHeader(1).toStdString();
    EXPECT_EQ(grid->cell(0, 0).size(), QSize(33, 21));
    EXPECT_EQ(grid->cell(0, 1).size(), QSize(33, 21));
    EXPECT_EQ(grid->cell(0, 0), grid->cell(0, 1)) << "the same weights give the same picture";
}

TEST(ComparePage, AFolderWithoutCheckpointsIsReported)
{
    QTemporaryDir empty;
    ComparePage page;
    page.addRunCheckpoints(empty.path());
    EXPECT_EQ(page.modelCount(), 0);
}

TEST(ComparePage, ASingleModelCanBeRemoved)
{
    ComparePage page;
    page.show();
    page.addModel("/models/one", "one");
    page.addModel("/models/two", "two");
    page.addModel("/models/three", "three");
    page.modelList()->setCurrentRow(1);
    page.modelList()->setFocus();
    QTest::keyClick(page.modelList(), Qt::Key_Delete);
    ASSERT_EQ(page.modelCount(), 2);
    EXPECT_EQ(page.modelList()->item(0)->text(), "one");
    EXPECT_EQ(page.modelList()->item(1)->text(), "three");
    // The same from the context menu.
    EXPECT_EQ(page.modelList()->contextMenuPolicy(), Qt::ActionsContextMenu);
    page.modelList()->setCurrentRow(0);
    page.modelList()->actions().first()->trigger();
    ASSERT_EQ(page.modelCount(), 1);
    EXPECT_EQ(page.modelList()->item(0)->text(), "three");
}

TEST(CompareGrid, HeadersAreReadableAtFitAndStayInViewWhenScrolled)
{
    CompareGrid grid;
    grid.resize(1100, 500);
    grid.show();
    QStringList headers;
    for (int e = 1; e <= 11; ++e)
        headers << QStringLiteral("run / epoch_%1").arg(e, 4, 10, QLatin1Char('0'));
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(Qt::gray);
    grid.reset(headers, {image, image, image}, "Input");
    QApplication::processEvents();
    const int line = grid.fontMetrics().height();
    // At fit the tiles fill the height (the columns scroll, TenCheckpointsAreReadable...): the
    // columns in view have headers of two lines of the widget's font.
    int inView = 0;
    for (int c = -1; c < 11; ++c) {
        const QRect rect = grid.headerRect(c);
        if (rect.isEmpty())
            continue;
        ++inView;
        EXPECT_GE(rect.height(), 2 * line) << "column " << c;
    }
    EXPECT_GE(inView, 4);
    // At fit the first row of images starts right under the header strip, not a header's
    // height below it.
    const QPoint firstCell = grid.mapFromScene(grid.cellOrigin(0, 0));
    EXPECT_LE(firstCell.y(), 2 * 8 + 2) << "empty band above the images";
    EXPECT_GE(firstCell.y(), 0);
    // Zoomed in and scrolled to the last row: the headers are still at the top, in view.
    grid.scale(4, 4);
    grid.horizontalScrollBar()->setValue(0);
    grid.verticalScrollBar()->setValue(grid.verticalScrollBar()->maximum());
    QApplication::processEvents();
    ASSERT_GT(grid.verticalScrollBar()->maximum(), 0);
    const QRect first = grid.headerRect(-1);
    EXPECT_TRUE(grid.headerStrip()->isVisible());
    EXPECT_EQ(first.top(), grid.headerStrip()->geometry().top());
    EXPECT_LE(grid.headerStrip()->geometry().top(), grid.frameWidth());
    EXPECT_GE(first.height(), 2 * line);
}


// The 12-06 walk (screenshot 08): with 10 checkpoints every header read "epoch_…" over
// "mo…mo", tiles were about 60 px while two thirds of the page stayed empty, and there were
// no tooltips. Now the tiles fill the height, the tag fits, each column has its whole label
// as a tooltip, a zoom goes beyond, and a click opens the tile large with its neighbours.
TEST(CompareGrid, TenCheckpointsAreReadableAtTheDefaultSize)
{
    CompareGrid grid;
    grid.resize(1000, 560); // the grid's share of a 1280x720 window
    grid.show();
    QStringList headers, tips;
    for (int e = 1; e <= 10; ++e) {
        headers << QStringLiteral("monet2photo_demo / epoch_%1").arg(e, 4, 10, QLatin1Char('0'));
        tips << QStringLiteral("runs/monet2photo_demo\nCheckpoint: epoch_%1\nmonet \u2192 photo")
                    .arg(e, 4, 10, QLatin1Char('0'));
    }
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(Qt::gray);
    grid.setColumnToolTips(tips);
    grid.reset(headers, {image, image}, "Input");
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 10; ++c)
            grid.setCell(r, c, image);
    QApplication::processEvents();
    EXPECT_GE(grid.tileWidth(), CompareGrid::kMinTile) << "tiles too small to see";
    QFont bold = grid.font();
    bold.setBold(true);
    EXPECT_GE(grid.headerRect(2).width(), QFontMetrics(bold).horizontalAdvance("epoch_0003"))
        << "the tag does not fit its column";
    EXPECT_EQ(grid.columnToolTip(9), tips[9]);
    const int fit = grid.tileWidth();
    grid.zoomBy(1.25);
    EXPECT_GT(grid.tileWidth(), fit);
    grid.zoomToFit();
    EXPECT_EQ(grid.tileWidth(), fit);

    QSignalSpy clicked(&grid, &CompareGrid::cellClicked);
    const QPoint at = grid.mapFromScene(grid.cellOrigin(1, 3) + QPointF(20, 20));
    QTest::mouseClick(grid.viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.first().at(0).toInt(), 1); // row
    EXPECT_EQ(clicked.first().at(1).toInt(), 2); // model column 2 (scene column 3)

    TileViewer viewer(&grid, 1, 2);
    EXPECT_TRUE(viewer.caption().contains("epoch_0003")) << viewer.caption().toStdString();
    QTest::keyClick(&viewer, Qt::Key_Right);
    EXPECT_EQ(viewer.column(), 3);
    EXPECT_TRUE(viewer.caption().contains("epoch_0004"));
    QTest::keyClick(&viewer, Qt::Key_Up);
    EXPECT_EQ(viewer.row(), 0);
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(&viewer, Qt::Key_Left);
    EXPECT_EQ(viewer.column(), -1); // the input, and no further
    EXPECT_TRUE(viewer.caption().startsWith("Input"));
}
} // namespace
} // namespace cgs::ui
