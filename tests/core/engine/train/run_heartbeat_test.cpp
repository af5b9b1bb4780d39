#include "core/engine/train/run_heartbeat.h"

#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace cgs {
namespace {
namespace fs = std::filesystem;
using State = RunFolder::RunState;

class RunHeartbeatTest : public test::TempDirTest {
protected:
    RunHeartbeatTest() : TempDirTest("run_heartbeat") {}
    RunFolder folder() const {
        fs::create_directories(m_dir / "run");
        return RunFolder((m_dir / "run").string());
    }
};

TEST_F(RunHeartbeatTest, BeatsFromTheStartAndWritesTheEnding) {
    const RunFolder run = folder();
    {
        RunHeartbeat beat(run, 6, 600);
        auto b = run.readHeartbeat();
        ASSERT_TRUE(b) << "written by the constructor";
        EXPECT_EQ(b->state, State::Training);
        EXPECT_EQ(b->host, RunHeartbeat::hostName());
        EXPECT_GT(b->pid, 0);
        EXPECT_EQ(b->totalEpochs, 6);
        EXPECT_EQ(b->totalIterations, 600);
        EXPECT_EQ(run.status().state, State::Training);
        EXPECT_TRUE(run.status().heartbeatAlive);
        beat.progress(2, 150);
        beat.setPause(RunHeartbeat::Pause::Paused); // written at once, not at the next beat
        for (int i = 0; i < 200 && run.readHeartbeat()->state != State::Paused; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        b = run.readHeartbeat();
        EXPECT_EQ(b->state, State::Paused);
        EXPECT_EQ(b->epoch, 2);
        EXPECT_EQ(b->iteration, 150);
        beat.setPause(RunHeartbeat::Pause::Running);
        beat.progress(6, 600);
        beat.end(State::Finished);
    }
    const auto b = run.readHeartbeat();
    EXPECT_EQ(b->state, State::Finished);
    EXPECT_EQ(b->iteration, 600);
    EXPECT_EQ(run.status().state, State::Finished);
}

TEST_F(RunHeartbeatTest, AnExceptionLeavingTheRunSaysFailed) {
    const RunFolder run = folder();
    try {
        RunHeartbeat beat(run, 1, 10);
        throw std::runtime_error("step failed");
    } catch (const std::runtime_error &) {
    }
    const RunFolder::Status st = run.status();
    EXPECT_EQ(st.state, State::Failed);
    EXPECT_FALSE(st.detail.empty());
}

TEST_F(RunHeartbeatTest, AFolderThatVanishedDoesNotStopTheTraining) {
    const RunFolder run = folder();
    RunHeartbeat beat(run, 1, 10);
    fs::remove_all(run.dir());
    beat.setPause(RunHeartbeat::Pause::Paused); // a failed write is swallowed
    beat.end(State::Stopped);
}

} // namespace
} // namespace cgs
