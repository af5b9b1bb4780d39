// Guarded failures of `cyclegan train`: a NaN/Inf loss, a full disk
// during a checkpoint write, and resuming with other options or a foreign checkpoint. Each
// shows its message and leaves the previous checkpoint intact and loadable.
#include "tests/e2e/cli_process.h"

#include <cinttypes>

namespace cgs::e2e {
namespace {

class GuardedFailures : public CliRun {
protected:
    // One epoch of the tiny model (8 steps): checkpoints latest (iteration 8), epoch_0001.
    void trainOneEpoch(const std::string &name) {
        auto p = runToEnd(with(tinyTrain(name, 1, 4), {"--save_epoch_freq", "1"}), name + "-1");
        ASSERT_EQ(p->exitCode(), 0) << p->output();
        ASSERT_EQ(checkpointIteration(runDir(name) / "checkpoints/latest"), 8);
        m_before = snapshot(runDir(name));
    }
    // Every file of the run folder but previews, the run lock (which only names the last
    // process that held it) and the heartbeat (which says how the last attempt ended), with
    // its bytes.
    static std::map<std::string, std::string> snapshot(const fs::path &run) {
        std::map<std::string, std::string> files;
        for (const auto &e : fs::recursive_directory_iterator(run))
            if (e.is_regular_file() && e.path().parent_path().filename() != "previews" &&
                e.path() != run / ".lock" && e.path() != run / "heartbeat.json")
                files[fs::relative(e.path(), run).string()] = readAll(e.path());
        return files;
    }
    void expectUnchanged(const std::string &name) {
        const auto now = snapshot(runDir(name));
        for (const auto &[file, bytes] : m_before) {
            const auto it = now.find(file);
            EXPECT_TRUE(it != now.end() && it->second == bytes) << file << " was changed";
        }
    }
    // Then a plain resume still loads the kept checkpoint.
    void expectResumesAt(const std::string &name, long long iteration) {
        auto p = runToEnd(with(tinyTrain(name, 2, 4), {"--continue_train"}), name + "-check");
        EXPECT_EQ(p->exitCode(), 0) << p->output();
        EXPECT_EQ(resumedIteration(p->output()), iteration) << p->output();
    }
    // Rewrites manifest.json so that an edited file passes the size/checksum check (what a
    // checkpoint written by another version, or edited with care, looks like).
    static void rewriteManifest(const fs::path &dir) {
        std::string json = "{\"files\": {";
        bool first = true;
        for (const auto &e : fs::directory_iterator(dir)) {
            const auto name = e.path().filename().string();
            if (name == "manifest.json")
                continue;
            const std::string bytes = readAll(e.path());
            std::uint64_t h = 1469598103934665603ULL;
            for (unsigned char c : bytes)
                h = (h ^ c) * 1099511628211ULL;
            char hex[17];
            std::snprintf(hex, sizeof hex, "%016" PRIx64, h);
            json += std::string(first ? "" : ",") + "\"" + name + "\": {\"size\": " +
                    std::to_string(bytes.size()) + ", \"fnv1a64\": \"" + hex + "\"}";
            first = false;
        }
        std::ofstream(dir / "manifest.json") << json << "}}";
    }
    static void replaceInFile(const fs::path &file, const std::string &from,
                              const std::string &to) {
        std::string text = readAll(file);
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from << " not in " << file;
        text.replace(at, from.size(), to);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    }

    std::map<std::string, std::string> m_before;
};

TEST_F(GuardedFailures, InfiniteLossStopsAndKeepsTheLastCheckpoint) {
    trainOneEpoch("nan");
    // λ_A = 1e39 overflows float: the cycle loss is inf at the first step after the resume.
    auto p = runToEnd(with(tinyTrain("nan", 2, 4), {"--continue_train", "--lambda_A", "1e39"}),
                      "nan-2");
    EXPECT_EQ(p->exitCode(), 6) << p->output();
    const std::string out = p->output();
    EXPECT_NE(out.find("error: Loss "), std::string::npos) << out;
    EXPECT_NE(out.find(" became inf at iteration 9 (epoch 2)"), std::string::npos) << out;
    EXPECT_NE(out.find("The last checkpoint '" + (runDir("nan") / "checkpoints/latest").string() +
                       "' (iteration 8) is kept"),
              std::string::npos)
        << out;
    m_before.erase("loss_log.csv"); // rewritten (same rows) on resume
    m_before.erase("config.json");  // holds the options of the failed attempt
    expectUnchanged("nan");
    expectResumesAt("nan", 8);
}

TEST_F(GuardedFailures, FullDiskDuringACheckpointKeepsThePreviousOne) {
    trainOneEpoch("full");
    // Files may not grow past half of G_A.pt: the next checkpoint cannot be written.
    const auto limit = fs::file_size(runDir("full") / "checkpoints/latest/G_A.pt") / 2;
    auto p = runToEnd(with(tinyTrain("full", 2, 4), {"--continue_train"}), "full-2", 300,
                      SpawnLimits{static_cast<long long>(limit)});
    EXPECT_EQ(p->exitCode(), 7) << p->output();
    const std::string out = p->output();
    const std::string latest = (runDir("full") / "checkpoints/latest").string();
    EXPECT_NE(out.find("error: Cannot write checkpoint '" + latest + "'"), std::string::npos)
        << out;
    EXPECT_NE(out.find("File too large"), std::string::npos) << out;
    EXPECT_NE(out.find("the previous checkpoint '" + latest + "' is kept intact"),
              std::string::npos)
        << out;
    EXPECT_FALSE(fs::exists(runDir("full") / "checkpoints/.latest.tmp"));
    m_before.erase("loss_log.csv");
    m_before.erase("config.json");
    expectUnchanged("full");
    expectResumesAt("full", 8);
}

TEST_F(GuardedFailures, OtherArchitectureIsNamedAndNothingIsOverwritten) {
    trainOneEpoch("arch");
    struct Case {
        std::vector<std::string> options;
        std::string message;
    };
    const Case cases[] = {
        {{"--ngf", "8"}, "was trained with ngf = 4, but the options say 8"},
        {{"--ndf", "8"}, "was trained with ndf = 4, but the options say 8"},
        {{"--netG", "resnet_9blocks"}, "was trained with n_blocks = 6, but the options say 9"},
        {{"--n_layers_D", "2", "--netD", "n_layers"}, "n_layers_D = 3, but the options say 2"},
    };
    for (const auto &c : cases) {
        auto p = runToEnd(with(with(tinyTrain("arch", 2, 4), c.options), {"--continue_train"}),
                          "arch-2");
        EXPECT_EQ(p->exitCode(), 4) << p->output();
        EXPECT_NE(p->output().find(c.message), std::string::npos) << p->output();
        expectUnchanged("arch");
    }
    expectResumesAt("arch", 8);
}

TEST_F(GuardedFailures, ForeignOrHandEditedCheckpointIsNamed) {
    trainOneEpoch("foreign");
    const fs::path latest = runDir("foreign") / "checkpoints/latest";
    const auto args = with(tinyTrain("foreign", 2, 4), {"--continue_train"});

    // A newer checkpoint format (another version wrote it, with a valid manifest).
    replaceInFile(latest / "state.json", "\"format_version\": 1", "\"format_version\": 7");
    rewriteManifest(latest);
    m_before = snapshot(runDir("foreign"));
    auto p = runToEnd(args, "version");
    EXPECT_EQ(p->exitCode(), 4) << p->output();
    EXPECT_NE(p->output().find("has format_version 7 (written by"), std::string::npos)
        << p->output();
    EXPECT_NE(p->output().find("reads version 1"), std::string::npos) << p->output();
    expectUnchanged("foreign");

    // Architecture edited by hand in state.json.
    replaceInFile(latest / "state.json", "\"format_version\": 7", "\"format_version\": 1");
    replaceInFile(latest / "state.json", "\"ngf\": 4", "\"ngf\": 16");
    rewriteManifest(latest);
    m_before = snapshot(runDir("foreign"));
    p = runToEnd(args, "ngf");
    EXPECT_EQ(p->exitCode(), 4) << p->output();
    EXPECT_NE(p->output().find("was trained with ngf = 16, but the options say 4"),
              std::string::npos)
        << p->output();
    expectUnchanged("foreign");

    // A counter removed by hand.
    replaceInFile(latest / "state.json", "\"ngf\": 16", "\"ngf\": 4");
    replaceInFile(latest / "state.json", "\"epoch_iteration\"", "\"epoch_iter\"");
    rewriteManifest(latest);
    m_before = snapshot(runDir("foreign"));
    p = runToEnd(args, "counter");
    EXPECT_EQ(p->exitCode(), 4) << p->output();
    EXPECT_NE(p->output().find("state.json' has no valid \"epoch_iteration\""), std::string::npos)
        << p->output();
    expectUnchanged("foreign");

    // Edited without fixing the manifest: named as damaged, and the resume falls back.
    replaceInFile(latest / "state.json", "\"epoch_iter\"", "\"epoch_iteration\"");
    p = runToEnd(args, "manifest");
    EXPECT_EQ(p->exitCode(), 0) << p->output();
    EXPECT_NE(p->output().find("Checkpoint file '" + (latest / "state.json").string() +
                               "' is damaged"),
              std::string::npos)
        << p->output();
    // .latest.prev and epoch_0001 both hold iteration 8: either is the previous good one.
    EXPECT_NE(p->output().find("warning: Resuming from the previous good checkpoint"),
              std::string::npos)
        << p->output();
    EXPECT_EQ(resumedIteration(p->output()), 8) << p->output();
}

TEST_F(GuardedFailures, ASecondProcessOnARunInUseIsRefused) {
    // A long run (50 epochs of 8 steps) that writes `latest` after every step.
    CliProcess first(tinyTrain("busy", 50, 1), log("busy-1"));
    const fs::path csv = runDir("busy") / "loss_log.csv";
    ASSERT_TRUE(waitFor(first, 120, [&] { return loggedIterations(csv).size() >= 2; }))
        << first.output();
    const std::string holder = "in use by another training (pid " + std::to_string(first.pid());
    for (const auto &extra : {std::vector<std::string>{"--continue_train"},
                              std::vector<std::string>{}}) {
        auto p = runToEnd(with(tinyTrain("busy", 50, 1), extra), "busy-2");
        EXPECT_EQ(p->exitCode(), 1) << p->output();
        EXPECT_NE(p->output().find("Run folder '" + runDir("busy").string() + "' is " + holder),
                  std::string::npos)
            << p->output();
    }
    ASSERT_TRUE(first.running()) << first.output();
    first.signal(SIGTERM);
    ASSERT_TRUE(first.wait(60));
    EXPECT_EQ(first.exitCode(), 130) << first.output();
    // Nothing the refused processes did shows in the run: each iteration logged once, and
    // the stop checkpoint is at the last of them.
    const auto its = loggedIterations(csv);
    ASSERT_FALSE(its.empty());
    for (std::size_t i = 0; i < its.size(); ++i)
        EXPECT_EQ(its[i], static_cast<long long>(i + 1));
    EXPECT_EQ(checkpointIteration(runDir("busy") / "checkpoints/latest"), its.back());
    // Once it has ended, the run is free again.
    CliProcess again(with(tinyTrain("busy", 50, 1), {"--continue_train"}), log("busy-3"));
    ASSERT_TRUE(waitFor(again, 120, [&] { return resumedIteration(again.output()) >= 0; }))
        << again.output();
    EXPECT_EQ(resumedIteration(again.output()), its.back()) << again.output();
    again.signal(SIGTERM);
    ASSERT_TRUE(again.wait(60));
    EXPECT_EQ(again.exitCode(), 130) << again.output();
}

} // namespace
} // namespace cgs::e2e
