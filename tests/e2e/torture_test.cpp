// Kill-anywhere torture test of `cyclegan train`: SIGKILL at random
// moments and during checkpoint writes, resume each time, and check that nothing is lost.
// Labelled e2e: a few minutes on one CPU core.
#include "tests/e2e/cli_process.h"

#include <random>

namespace cgs::e2e {
namespace {

constexpr int kInterval = 3; // --save_latest_freq in images (batch 1: steps)

class Torture : public CliRun {};

// Waits for the resume, then for the logged step after which the next checkpoint is written
// (a multiple of kInterval), and kills inside that write. Returns true when the temporary
// folder existed at the kill. (A .latest.tmp left by an earlier kill is removed when the save
// starts, so it is not mistaken for this one.)
bool killDuringCheckpointWrite(CliProcess &p, const fs::path &run, std::mt19937 &rng) {
    if (!waitFor(p, 120, [&] { return resumedIteration(p.output()) >= 0; }))
        return false;
    const long long target = (resumedIteration(p.output()) / kInterval + 1) * kInterval;
    if (!waitFor(p, 120, [&] {
            const auto its = loggedIterations(run / "loss_log.csv");
            return !its.empty() && its.back() >= target;
        }))
        return false;
    const fs::path tmp = run / "checkpoints/.latest.tmp";
    waitFor(p, 5, [&] { return fs::exists(tmp); });
    sleepMs(std::uniform_real_distribution<double>(0, 5)(rng)); // somewhere inside the write
    const bool inside = fs::exists(tmp);
    p.signal(SIGKILL);
    return inside;
}

TEST_F(Torture, TwentyKillsLoseNothing) {
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("torture seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    const auto args = tinyTrain("torture", 10000, kInterval);
    const fs::path run = runDir("torture");
    const fs::path checkpoints = run / "checkpoints";

    // First run: let it write a checkpoint, then kill it.
    {
        CliProcess p(args, log("run00"));
        ASSERT_TRUE(waitFor(p, 180, [&] { return fs::exists(checkpoints / "latest/manifest.json"); }))
            << p.output();
        sleepMs(std::uniform_real_distribution<double>(0, 500)(rng));
        p.signal(SIGKILL);
        ASSERT_TRUE(p.wait(30));
    }
    long long lastLogged = loggedIterations(run / "loss_log.csv").back();
    int resumes = 0, duringWrite = 0, kills = 1;
    long long repeated = 0;
    for (int round = 1; round < 20; ++round) {
        SCOPED_TRACE("kill " + std::to_string(round + 1));
        const std::string name = "run" + std::to_string(round);
        CliProcess p(with(args, {"--continue_train"}), log(name));
        const int mode = round % 3;
        if (mode == 0) { // during a checkpoint write
            duringWrite += killDuringCheckpointWrite(p, run, rng) ? 1 : 0;
        } else if (mode == 1) { // while training or saving, after the resume
            waitFor(p, 120, [&] { return resumedIteration(p.output()) >= 0; });
            sleepMs(std::uniform_real_distribution<double>(0, 2000)(rng));
        } else { // anywhere: while starting, loading, truncating the log, training, saving
            sleepMs(std::uniform_real_distribution<double>(50, 1500)(rng));
        }
        ASSERT_TRUE(p.running()) << "cyclegan ended by itself before the kill:\n" << p.output();
        p.signal(SIGKILL);
        ASSERT_TRUE(p.wait(30));
        ASSERT_TRUE(p.killedBy(SIGKILL));
        ++kills;
        const std::string out = p.output();
        EXPECT_EQ(out.find("warning: Skipped"), std::string::npos)
            << "a kill damaged a checkpoint:\n" << out;
        const long long resumed = resumedIteration(out);
        if (resumed >= 0) { // killed after the resume was logged: check what it resumed from
            ++resumes;
            EXPECT_LE(resumed, lastLogged) << out;
            EXPECT_GE(resumed, lastLogged - kInterval)
                << "more than one checkpoint interval of steps would be repeated:\n" << out;
            repeated += lastLogged - resumed;
        }
        const auto its = loggedIterations(run / "loss_log.csv");
        ASSERT_FALSE(its.empty());
        lastLogged = its.back();
    }
    EXPECT_EQ(kills, 20);
    EXPECT_GE(resumes, 13) << "every kill of modes 0 and 1 comes after the resume";
    EXPECT_GE(duringWrite, 3) << "too few kills hit a checkpoint write";

    // Last resume: train a little past the last checkpoint, then stop gracefully.
    CliProcess last(with(args, {"--continue_train"}), log("final"));
    ASSERT_TRUE(waitFor(last, 180, [&] {
        const auto its = loggedIterations(run / "loss_log.csv");
        return resumedIteration(last.output()) >= 0 && !its.empty() &&
               its.back() > lastLogged + 2;
    })) << last.output();
    const long long resumed = resumedIteration(last.output());
    EXPECT_GE(resumed, lastLogged - kInterval) << last.output();
    last.signal(SIGINT);
    ASSERT_TRUE(last.wait(30)) << "SIGINT did not stop training within 30 s";
    EXPECT_EQ(last.exitCode(), 130) << last.output();

    const auto its = loggedIterations(run / "loss_log.csv");
    ASSERT_FALSE(its.empty());
    for (size_t i = 0; i < its.size(); ++i)
        ASSERT_EQ(its[i], static_cast<long long>(i + 1))
            << "loss_log.csv must hold iterations 1.." << its.size() << " once each";
    EXPECT_EQ(checkpointIteration(checkpoints / "latest"), its.back());
    EXPECT_FALSE(fs::exists(checkpoints / ".latest.tmp"));
    std::printf("torture: %d kills (%d during checkpoint writes, %d after the resume line), "
                "%lld steps repeated in all, %zu iterations logged\n",
                kills, duringWrite, resumes, repeated, its.size());
}

TEST_F(Torture, SigintAndSigtermStopWithACheckpoint) {
    const auto args = tinyTrain("stop", 10000, 1000);
    const fs::path run = runDir("stop");
    for (int sig : {SIGINT, SIGTERM}) {
        SCOPED_TRACE(sig == SIGINT ? "SIGINT" : "SIGTERM");
        CliProcess p(sig == SIGINT ? args : with(args, {"--continue_train"}),
                     log(std::to_string(sig)));
        ASSERT_TRUE(waitFor(p, 180, [&] {
            return loggedIterations(run / "loss_log.csv").size() >= (sig == SIGINT ? 3u : 6u);
        })) << p.output();
        const auto sent = Clock::now();
        p.signal(sig);
        ASSERT_TRUE(p.wait(30)) << "did not stop within 30 s";
        const double seconds = std::chrono::duration<double>(Clock::now() - sent).count();
        EXPECT_LT(seconds, 10) << "stopping took " << seconds << " s";
        EXPECT_EQ(p.exitCode(), 130) << p.output();
        EXPECT_NE(p.output().find("saved checkpoint 'latest'"), std::string::npos) << p.output();
        EXPECT_NE(p.output().find("Stopped (resume with --continue_train)"), std::string::npos);
        const auto its = loggedIterations(run / "loss_log.csv");
        ASSERT_FALSE(its.empty());
        EXPECT_EQ(checkpointIteration(run / "checkpoints/latest"), its.back())
            << "the checkpoint must hold every logged step";
    }
}

// The newest checkpoint is damaged (a file truncated): the resume names it and goes on from
// the previous good one: epoch_N, then the copy that the newest replaced (.latest.prev).
TEST_F(Torture, DamagedNewestCheckpointFallsBackToThePreviousGoodOne) {
    const auto args = tinyTrain("damaged", 2, kInterval);
    const fs::path cp = runDir("damaged") / "checkpoints";
    auto first = runToEnd(args, "first");
    ASSERT_EQ(first->exitCode(), 0) << first->output();
    ASSERT_EQ(checkpointIteration(cp / "latest"), 16);
    ASSERT_EQ(checkpointIteration(cp / ".latest.prev"), 15);

    fs::resize_file(cp / "latest/G_A.pt", fs::file_size(cp / "latest/G_A.pt") / 2);
    auto second = runToEnd(with(args, {"--continue_train"}), "second");
    EXPECT_EQ(second->exitCode(), 0) << second->output();
    EXPECT_NE(second->output().find("warning: Skipped a damaged checkpoint: Checkpoint file '" +
                                    (cp / "latest/G_A.pt").string() + "' is damaged"),
              std::string::npos)
        << second->output();
    EXPECT_NE(second->output().find("Resumed from " + (cp / "epoch_0002").string()),
              std::string::npos)
        << second->output();

    fs::resize_file(cp / "epoch_0002/D_B.pt", 10);
    fs::resize_file(cp / "latest/G_A.pt", 0);
    auto third = runToEnd(with(args, {"--continue_train"}), "third");
    EXPECT_EQ(third->exitCode(), 0) << third->output();
    EXPECT_NE(third->output().find("epoch_0002/D_B.pt"), std::string::npos) << third->output();
    EXPECT_NE(third->output().find("Resumed from " + (cp / ".latest.prev").string() +
                                   " at iteration 15"),
              std::string::npos)
        << third->output();
    const auto its = loggedIterations(runDir("damaged") / "loss_log.csv");
    ASSERT_EQ(its.size(), 16u);
    for (size_t i = 0; i < its.size(); ++i)
        EXPECT_EQ(its[i], static_cast<long long>(i + 1));
    EXPECT_EQ(checkpointIteration(cp / "latest"), 16);

    // Nothing intact left: a clear error listing every damaged copy, exit code 4.
    for (const auto &tag : {"latest", ".latest.prev", "epoch_0002"})
        fs::resize_file(cp / tag / "state.pt", 1);
    fs::remove_all(cp / "epoch_0001"); // not written: --save_epoch_freq 2, but be sure
    auto fourth = runToEnd(with(args, {"--continue_train"}), "fourth");
    EXPECT_EQ(fourth->exitCode(), 4) << fourth->output();
    EXPECT_NE(fourth->output().find("No intact checkpoint 'latest'"), std::string::npos)
        << fourth->output();
    EXPECT_NE(fourth->output().find(".latest.prev/state.pt"), std::string::npos)
        << fourth->output();
}

} // namespace
} // namespace cgs::e2e
