#include "core/engine/train/run_lock.h"

#include "core/engine/error.h"
#include "core/engine/train/synthetic_source.h"
#include "core/engine/train/trainer.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class RunLockTest : public test::TempDirTest {
protected:
    RunLockTest() : TempDirTest("run_lock") {}

    TrainOptions tiny() const {
        TrainOptions o = test::tinySyntheticOptions(m_dir.string(), "shared");
        o.nEpochs = 1;
        o.nEpochsDecay = 0;
        o.seed = 3;
        return o;
    }
};

std::string refusal(const std::string &dir) {
    try {
        RunLock second(dir);
    } catch (const ConfigError &e) {
        return e.what();
    }
    return {};
}

TEST_F(RunLockTest, SecondHolderIsRefusedWithTheFolderAndTheHolder) {
    const std::string run = (m_dir / "run").string();
    RunLock first(run);
    ASSERT_TRUE(first.held());
    EXPECT_TRUE(first.createdFolder());
    EXPECT_TRUE(fs::is_directory(run));
    const std::string message = refusal(run);
    EXPECT_NE(message.find(run), std::string::npos) << message;
    EXPECT_NE(message.find("in use by another training"), std::string::npos) << message;
    EXPECT_NE(message.find("pid " + std::to_string(::getpid())), std::string::npos) << message;
    first.release();
    EXPECT_FALSE(first.held());
    EXPECT_EQ(refusal(run), ""); // free again
}

TEST_F(RunLockTest, IsHeldSeesAHolderAndCreatesNothing) {
    const std::string run = (m_dir / "probed").string();
    EXPECT_FALSE(RunLock::isHeld(run));
    EXPECT_FALSE(fs::exists(run)); // the probe creates neither the folder nor the lock file
    RunLock lock(run);
    EXPECT_TRUE(RunLock::isHeld(run));
    EXPECT_TRUE(RunLock::isHeld(run)); // probing twice does not take the lock away
    EXPECT_TRUE(lock.held());
    lock.release();
    EXPECT_FALSE(RunLock::isHeld(run)); // the lock file stays; nobody holds it
    EXPECT_TRUE(fs::exists(RunLock::lockPath(run)));
}

TEST_F(RunLockTest, GivingUpRemovesOnlyAFolderItCreatedAndLeftEmpty) {
    const std::string fresh = (m_dir / "fresh").string();
    RunLock(fresh).release(RunLock::Cleanup::RemoveCreatedFolder);
    EXPECT_FALSE(fs::exists(fresh));

    const std::string used = (m_dir / "used").string();
    {
        RunLock lock(used);
        std::ofstream(used + "/notes.txt") << "mine";
        lock.release(RunLock::Cleanup::RemoveCreatedFolder);
    }
    EXPECT_TRUE(fs::exists(used + "/notes.txt"));

    fs::create_directories(m_dir / "existing");
    RunLock((m_dir / "existing").string()).release(RunLock::Cleanup::RemoveCreatedFolder);
    EXPECT_TRUE(fs::is_directory(m_dir / "existing")); // it was there before: kept
}

TEST_F(RunLockTest, AKilledHolderLeavesNoStaleLock) {
    const std::string run = (m_dir / "run").string();
    fs::create_directories(run);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(ready[0]);
        try {
            RunLock lock(run);
            const char byte = 1;
            if (::write(ready[1], &byte, 1) != 1)
                ::_exit(2);
            for (;;)
                ::pause();
        } catch (...) {
            ::_exit(3);
        }
    }
    ::close(ready[1]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    const std::string message = refusal(run);
    EXPECT_NE(message.find("pid " + std::to_string(child)), std::string::npos) << message;
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(refusal(run), ""); // the kernel dropped the dead holder's lock
}

TEST_F(RunLockTest, ASecondTrainerOnTheSameRunIsRefusedAndChangesNothing) {
    auto first = std::make_unique<Trainer>(tiny(), std::make_unique<SyntheticSource>(32, 2));
    const fs::path run = first->options().runDir();
    const auto configBefore = fs::last_write_time(run / "config.json");
    const auto logBefore = fs::file_size(run / "loss_log.csv");

    for (bool resume : {false, true}) {
        TrainOptions again = tiny();
        again.continueTrain = resume;
        try {
            Trainer second(again, std::make_unique<SyntheticSource>(32, 2));
            ADD_FAILURE() << "a second trainer started on a run in use (resume " << resume << ")";
        } catch (const ConfigError &e) {
            EXPECT_NE(std::string(e.what()).find("in use by another training"),
                      std::string::npos)
                << e.what();
        }
    }
    EXPECT_EQ(fs::last_write_time(run / "config.json"), configBefore);
    EXPECT_EQ(fs::file_size(run / "loss_log.csv"), logBefore);

    TrainingObserver observer; // reports nothing
    TrainControl control;
    const TrainSummary summary = first->run(observer, control);
    EXPECT_TRUE(summary.finished);
    first.reset(); // releases the folder
    TrainOptions resume = tiny();
    resume.continueTrain = true;
    EXPECT_NO_THROW(Trainer(resume, std::make_unique<SyntheticSource>(32, 2)));
}

} // namespace
} // namespace cgs
