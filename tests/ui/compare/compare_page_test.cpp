#include "ui/compare/compare_page.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "ui/compare/compare_grid.h"
#include "tests/ui/ui_test_support.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::waitUntil;

TEST(ComparePage, OneColumnPerCheckpoint)
{
    QTemporaryDir runs;
    const QString runDir = test::trainTinyModel(runs.path());
    const auto checkpoints = cgs::listCheckpoints(runDir.toStdString());
    ASSERT_GE(checkpoints.size(), 2u) << "epoch_0001 and latest";

    ComparePage page;
    page.show();
    page.addRunCheckpoints(runDir);
    EXPECT_EQ(page.modelCount(), static_cast<int>(checkpoints.size()));
    page.addInputs({test::writeTestImage(runs.path(), "a.png", 40, 30),
                    test::writeTestImage(runs.path(), "b.png", 24, 24)});
    QSignalSpy done(&page, &ComparePage::comparisonFinished);
    page.compare();
    ASSERT_TRUE(waitUntil([&] { return !done.isEmpty(); }, 60000));

    const CompareGrid *grid = page.grid();
    EXPECT_EQ(grid->modelColumnCount(), static_cast<int>(checkpoints.size()));
    EXPECT_EQ(grid->rowCount(), 2);
    for (int c = 0; c < grid->modelColumnCount(); ++c) {
        EXPECT_EQ(grid->cell(0, c).size(), QSize(40, 30)) << "column " << c;
        EXPECT_EQ(grid->cell(1, c).size(), QSize(24, 24)) << "column " << c;
    }
    const QString png = runs.filePath("grid.png");
    page.exportGrid(png);
    const QImage exported(png);
    ASSERT_FALSE(exported.isNull());
    EXPECT_GT(exported.width(), 40 * (1 + static_cast<int>(checkpoints.size())));
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

} // namespace
} // namespace cgs::ui
