#include "core/engine/train/run_folder.h"

#include "core/engine/error.h"
#include "core/engine/train/run_lock.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
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

TEST_F(RunFolderTest, WatchPathsIncludeTheHeartbeat) {
    const RunFolder run = folder();
    const auto paths = run.watchPaths();
    EXPECT_NE(std::find(paths.begin(), paths.end(), run.heartbeatPath()), paths.end());
}

TEST_F(RunFolderTest, LastLossesComeFromTheTailOfALongLog) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    EXPECT_FALSE(run.readLastLosses()) << "no log yet";
    run.startLossLog(RunFolder::LossLog::New, 0);
    EXPECT_FALSE(run.readLastLosses()) << "a header only";
    run.appendLosses({distinctStep(1)});
    ASSERT_TRUE(run.readLastLosses());
    expectSameColumns(*run.readLastLosses(), distinctStep(1)); // the row right after the header
    std::vector<StepReport> many;
    for (int i = 2; i <= 400; ++i) // ~40 KB: more than the tail that is read
        many.push_back(distinctStep(i));
    run.appendLosses(many);
    ASSERT_GT(fs::file_size(run.lossLogPath()), 20000u);
    ASSERT_TRUE(run.readLastLosses());
    expectSameColumns(*run.readLastLosses(), distinctStep(400));
    std::ofstream(run.lossLogPath(), std::ios::app) << "401,501,0.0"; // being written
    expectSameColumns(*run.readLastLosses(), distinctStep(400));
}

RunFolder::Heartbeat beatAt(std::int64_t updated, RunFolder::RunState state) {
    RunFolder::Heartbeat beat;
    beat.state = state;
    beat.host = "gpu7";
    beat.pid = 4242;
    beat.epoch = 3;
    beat.totalEpochs = 200;
    beat.iteration = 1200;
    beat.totalIterations = 400000;
    beat.updated = updated;
    beat.message = state == RunFolder::RunState::Failed ? "Loss D_A became nan" : "";
    return beat;
}

void setFileAge(const std::string &path, int seconds) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(seconds));
}

TEST_F(RunFolderTest, HeartbeatRoundTrip) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    EXPECT_FALSE(run.readHeartbeat());
    const std::int64_t now = 1764496800;
    run.writeHeartbeat(beatAt(now, RunFolder::RunState::Paused));
    const auto read = run.readHeartbeat();
    ASSERT_TRUE(read);
    EXPECT_EQ(read->state, RunFolder::RunState::Paused);
    EXPECT_EQ(read->host, "gpu7");
    EXPECT_EQ(read->pid, 4242);
    EXPECT_EQ(read->epoch, 3);
    EXPECT_EQ(read->totalEpochs, 200);
    EXPECT_EQ(read->iteration, 1200);
    EXPECT_EQ(read->totalIterations, 400000);
    EXPECT_EQ(read->updated, now);
    EXPECT_EQ(read->intervalSeconds, RunFolder::kHeartbeatSeconds);
    std::ofstream(run.heartbeatPath()) << "{\"state\": \"trai"; // torn by another program
    EXPECT_FALSE(run.readHeartbeat());
}

// The staleness rule of run_folder.h, on both clocks.
TEST_F(RunFolderTest, AHeartbeatIsAliveForAMinute) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    EXPECT_EQ(run.status().state, RunFolder::RunState::Stopped) << "nothing at all";
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    // Another host trains it: no lock here, a fresh heartbeat.
    run.writeHeartbeat(beatAt(now - 5, RunFolder::RunState::Training));
    RunFolder::Status st = run.status(now);
    EXPECT_EQ(st.state, RunFolder::RunState::Training);
    EXPECT_TRUE(st.heartbeatAlive);
    EXPECT_FALSE(st.lockHeld);
    run.writeHeartbeat(beatAt(now - 5, RunFolder::RunState::Paused));
    EXPECT_EQ(run.status(now).state, RunFolder::RunState::Paused);
    // Written 59 s ago by both clocks: alive; 61 s: stale, the trainer ended without a word.
    run.writeHeartbeat(beatAt(now - 59, RunFolder::RunState::Training));
    setFileAge(run.heartbeatPath(), 59);
    EXPECT_EQ(run.status(now).state, RunFolder::RunState::Training);
    run.writeHeartbeat(beatAt(now - 61, RunFolder::RunState::Training));
    setFileAge(run.heartbeatPath(), 61);
    st = run.status(now);
    EXPECT_EQ(st.state, RunFolder::RunState::Failed);
    EXPECT_FALSE(st.heartbeatAlive);
    EXPECT_NE(st.detail.find("No heartbeat since"), std::string::npos) << st.detail;
    EXPECT_NE(st.detail.find("gpu7"), std::string::npos) << st.detail;
    // The writer's clock is 50 s behind the file server's: the file time keeps it alive.
    run.writeHeartbeat(beatAt(now - 110, RunFolder::RunState::Training));
    setFileAge(run.heartbeatPath(), 10);
    EXPECT_EQ(run.status(now).state, RunFolder::RunState::Training);
    // The file server's clock is behind: the writer's time keeps it alive.
    run.writeHeartbeat(beatAt(now - 10, RunFolder::RunState::Training));
    setFileAge(run.heartbeatPath(), 300);
    EXPECT_EQ(run.status(now).state, RunFolder::RunState::Training);
    // A time far in the future is not believed: only the (old) file time counts.
    run.writeHeartbeat(beatAt(now + 3600, RunFolder::RunState::Training));
    setFileAge(run.heartbeatPath(), 300);
    EXPECT_EQ(run.status(now).state, RunFolder::RunState::Failed);
}

TEST_F(RunFolderTest, EndingsOfTheHeartbeatAndTheLock) {
    const RunFolder run = folder();
    fs::create_directories(run.dir());
    const std::int64_t old = 1000000000; // 2001: an ending never goes stale
    run.writeHeartbeat(beatAt(old, RunFolder::RunState::Finished));
    EXPECT_EQ(run.status().state, RunFolder::RunState::Finished);
    run.writeHeartbeat(beatAt(old, RunFolder::RunState::Stopped));
    EXPECT_EQ(run.status().state, RunFolder::RunState::Stopped);
    run.writeHeartbeat(beatAt(old, RunFolder::RunState::Failed));
    RunFolder::Status st = run.status();
    EXPECT_EQ(st.state, RunFolder::RunState::Failed);
    EXPECT_EQ(st.detail, "Loss D_A became nan");
    // The lock of a trainer on this host says "training" whatever the file says.
    RunLock lock(run.dir());
    st = run.status();
    EXPECT_EQ(st.state, RunFolder::RunState::Training);
    EXPECT_TRUE(st.lockHeld);
}

TEST_F(RunFolderTest, SummaryOfARun) {
    const RunFolder run = folder();
    TrainOptions options;
    options.nEpochs = 4;
    options.nEpochsDecay = 2;
    options.dataroot = (m_dir / "data").string();
    run.create(options);
    run.startLossLog(RunFolder::LossLog::New, 0);
    run.appendLosses({distinctStep(1), distinctStep(2)});
    std::ofstream(run.previewPath(1, 1, ".png")) << "png";
    std::ofstream(run.previewPath(1, 2, ".png")) << "png";
    const RunFolder::Summary sum = run.summary();
    EXPECT_EQ(sum.status.state, RunFolder::RunState::Stopped);
    EXPECT_EQ(sum.totalEpochs, 6);
    ASSERT_TRUE(sum.lastLosses);
    expectSameColumns(*sum.lastLosses, distinctStep(2));
    EXPECT_EQ(sum.epoch, distinctStep(2).epoch);
    EXPECT_EQ(sum.iteration, 2);
    EXPECT_EQ(sum.latestPreview, run.previewPath(1, 2, ".png"));
    EXPECT_TRUE(sum.checkpointTags.empty());
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    EXPECT_LE(std::abs(sum.modified - now), 60);
}

TEST_F(RunFolderTest, PreviewNamesGiveEpochAndIteration) {
    const RunFolder run = folder();
    const auto position = RunFolder::previewPosition(run.previewPath(12, 34567, ".png"));
    ASSERT_TRUE(position);
    EXPECT_EQ(position->epoch, 12);
    EXPECT_EQ(position->iteration, 34567);
    EXPECT_FALSE(RunFolder::previewPosition("/x/previews/notes.txt"));
    EXPECT_FALSE(RunFolder::previewPosition("/x/previews/epoch001_iterX.png"));
}

} // namespace
} // namespace cgs

namespace cgs {
namespace {

// Rescued generators may be the user's last copy of a training: a second rescue at the same
// tag and iteration (the same command run again after a full disk) goes beside the first.
TEST_F(RunFolderTest, ARescueNeverReusesTheFolderOfAnEarlierOne) {
    const RunFolder folder = this->folder();
    const std::string first = folder.rescuedGeneratorsDir("epoch_0001", 8);
    EXPECT_EQ(first, (m_dir / "run/rescued/epoch_0001_iter00000008").string());
    std::filesystem::create_directories(first);
    EXPECT_EQ(folder.rescuedGeneratorsDir("epoch_0001", 8), first + "_2");
    std::filesystem::create_directories(first + "_2");
    EXPECT_EQ(folder.rescuedGeneratorsDir("epoch_0001", 8), first + "_3");
    EXPECT_EQ(folder.rescuedGeneratorsDir("latest", 8),
              (m_dir / "run/rescued/latest_iter00000008").string());
}

} // namespace
} // namespace cgs
