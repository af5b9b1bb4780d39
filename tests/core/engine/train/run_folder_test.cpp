#include "core/engine/train/run_folder.h"

#include "core/engine/error.h"
#include "core/engine/train/run_lock.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class RunFolderTest : public test::TempDirTest {
protected:
    RunFolderTest() : TempDirTest("run_folder") {}
    RunFolder folder() const { return RunFolder((m_dir / "run").string()); }
};

// A step whose every column holds a different value, exactly representable in the written
// precision (%.8g lr, %.6g losses, %.4f seconds), so that a swapped column shows.
StepReport distinctStep(std::int64_t iteration) {
    StepReport s;
    s.iteration = iteration;
    s.epoch = static_cast<int>(iteration) + 100;
    s.lr = 0.00015625 * static_cast<double>(iteration);
    const double base = static_cast<double>(iteration);
    s.losses = LossValues::fromVector(
        {base + 0.125, base + 0.25, base + 0.375, base + 0.5, base + 0.625, base + 0.75,
         base + 0.875, base + 1.125});
    s.secondsPerIteration = 0.0625 * static_cast<double>(iteration);
    return s;
}

void expectSameColumns(const StepReport &got, const StepReport &want) {
    EXPECT_EQ(got.iteration, want.iteration);
    EXPECT_EQ(got.epoch, want.epoch);
    EXPECT_DOUBLE_EQ(got.lr, want.lr);
    const auto g = got.losses.toVector(), w = want.losses.toVector();
    ASSERT_EQ(g.size(), w.size());
    for (std::size_t i = 0; i < g.size(); ++i)
        EXPECT_DOUBLE_EQ(g[i], w[i]) << LossValues::names()[i];
    EXPECT_DOUBLE_EQ(got.secondsPerIteration, want.secondsPerIteration);
}

std::string fileText(const std::string &path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST_F(RunFolderTest, LossLogRoundTripKeepsEveryColumn) {
    const RunFolder run = folder();
    run.create(test::tinySyntheticOptions(m_dir.string(), "run"));
    run.startLossLog(RunFolder::LossLog::New, 0);
    const std::vector<StepReport> written = {distinctStep(1), distinctStep(2), distinctStep(3)};
    run.appendLosses({written[0]});
    run.appendLosses({written[1], written[2]});
    const auto read = run.readLosses();
    ASSERT_EQ(read.steps.size(), written.size());
    EXPECT_EQ(read.nextRow, 3u);
    for (std::size_t i = 0; i < written.size(); ++i)
        expectSameColumns(read.steps[i], written[i]);
    // The header names every column the reader looks for (seconds_per_iter included).
    EXPECT_EQ(fileText(run.lossLogPath()).substr(0, RunFolder::lossLogHeader().size()),
              RunFolder::lossLogHeader());
    EXPECT_NE(RunFolder::lossLogHeader().find("seconds_per_iter"), std::string::npos);
}

TEST_F(RunFolderTest, IncrementalReadSkipsReadRowsAndAPartlyWrittenLine) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    run.startLossLog(RunFolder::LossLog::New, 0);
    run.appendLosses({distinctStep(1), distinctStep(2)});
    const auto first = run.readLosses();
    ASSERT_EQ(first.nextRow, 2u);
    // A training is writing row 3 right now: half of it is on disk.
    std::ofstream(run.lossLogPath(), std::ios::app) << "3,103,0.0004";
    const auto during = run.readLosses(first.nextRow);
    EXPECT_TRUE(during.steps.empty());
    EXPECT_EQ(during.nextRow, 2u);
    EXPECT_FALSE(during.restarted);
    // The writer finishes: simulated by replacing the half line with whole rows 3 and 4.
    {
        const std::string full = fileText(run.lossLogPath());
        std::ofstream(run.lossLogPath(), std::ios::trunc)
            << full.substr(0, full.rfind('\n') + 1);
    }
    run.appendLosses({distinctStep(3), distinctStep(4)});
    const auto after = run.readLosses(during.nextRow);
    ASSERT_EQ(after.steps.size(), 2u);
    expectSameColumns(after.steps[0], distinctStep(3));
    expectSameColumns(after.steps[1], distinctStep(4));
    EXPECT_EQ(after.nextRow, 4u);
}

TEST_F(RunFolderTest, ResumeDropsRowsAfterTheCheckpointAndTornLines) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    run.startLossLog(RunFolder::LossLog::New, 0);
    run.appendLosses({distinctStep(1), distinctStep(2), distinctStep(3)});
    std::ofstream(run.lossLogPath(), std::ios::app) << "4,104,0.0"; // killed mid-write
    run.startLossLog(RunFolder::LossLog::Resume, 2);
    const auto read = run.readLosses();
    ASSERT_EQ(read.steps.size(), 2u);
    expectSameColumns(read.steps[1], distinctStep(2));
    // A reader that had read further sees the rewrite.
    const auto again = run.readLosses(3);
    EXPECT_TRUE(again.restarted);
    EXPECT_EQ(again.steps.size(), 2u);
}

TEST_F(RunFolderTest, RowsThatDoNotParseAreCountedButSkipped) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    run.startLossLog(RunFolder::LossLog::New, 0);
    run.appendLosses({distinctStep(1)});
    std::ofstream(run.lossLogPath(), std::ios::app) << "garbage line\n1,2,3\n";
    run.appendLosses({distinctStep(2)});
    const auto read = run.readLosses();
    ASSERT_EQ(read.steps.size(), 2u);
    EXPECT_EQ(read.steps[1].iteration, 2);
    EXPECT_EQ(read.nextRow, 4u);
}

TEST_F(RunFolderTest, MissingLogGivesNothing) {
    const auto read = folder().readLosses(5);
    EXPECT_TRUE(read.steps.empty());
    EXPECT_EQ(read.nextRow, 0u);
}

TEST_F(RunFolderTest, OptionsRoundTripRebasedToWhereTheFolderIsNow) {
    TrainOptions written = test::tinySyntheticOptions(m_dir.string(), "run");
    written.nEpochs = 7;
    written.lambdaA = 3.5;
    folder().create(written);
    EXPECT_TRUE(folder().holdsRun());
    EXPECT_EQ(toJson(folder().readOptions()), toJson(written));

    fs::rename(m_dir / "run", m_dir / "moved");
    const TrainOptions moved = RunFolder((m_dir / "moved").string() + "/").readOptions();
    EXPECT_EQ(moved.name, "moved");
    EXPECT_EQ(fs::path(moved.checkpointsDir), fs::absolute(m_dir));
    EXPECT_EQ(moved.nEpochs, 7);
}

TEST_F(RunFolderTest, OptionsOfAFolderWithoutARunNameTheFile) {
    fs::create_directories(m_dir / "empty");
    const RunFolder empty((m_dir / "empty").string());
    EXPECT_FALSE(empty.holdsRun());
    try {
        empty.readOptions();
        FAIL() << "no config.json: expected a ConfigError";
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos) << e.what();
    }
    std::ofstream(empty.configPath()) << "{ not json";
    EXPECT_THROW(empty.readOptions(), ConfigError);
}

TEST_F(RunFolderTest, PreviewsAreListedOldestFirst) {
    const RunFolder run = folder();
    run.create(test::tinySyntheticOptions(m_dir.string(), "run"));
    for (auto [epoch, it] : {std::pair{2, 120}, std::pair{1, 5}, std::pair{1, 60}})
        std::ofstream(run.previewPath(epoch, it, ".png")) << "png";
    const auto list = run.previews();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(fs::path(list[0]).filename(), "epoch001_iter00000005.png");
    EXPECT_EQ(fs::path(list[2]).filename(), "epoch002_iter00000120.png");
    EXPECT_EQ(fs::path(list[0]).parent_path(), fs::path(run.previewsDir()));
}

TEST_F(RunFolderTest, KnowsWhetherATrainingHoldsIt) {
    const RunFolder run = folder();
    EXPECT_FALSE(run.isBeingTrained());
    {
        RunLock lock(run.dir());
        EXPECT_TRUE(run.isBeingTrained());
    }
    EXPECT_FALSE(run.isBeingTrained());
}

TEST_F(RunFolderTest, WatchPathsCoverEveryFileAReaderShows) {
    const RunFolder run = folder();
    const auto paths = run.watchPaths();
    for (const std::string &p : {run.dir(), run.configPath(), run.lossLogPath(),
                                 run.previewsDir(), run.checkpointsDir()})
        EXPECT_NE(std::find(paths.begin(), paths.end(), p), paths.end()) << p;
}

} // namespace
} // namespace cgs
