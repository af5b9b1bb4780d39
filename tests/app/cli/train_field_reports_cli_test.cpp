// `cyclegan train` on reports from the field, through the real executable: datasets of
// several image sizes, crops too small for the networks, Ctrl-C, run names to reuse.
#include "core/imageio/image_codec.h"
#include "tests/e2e/cli_process.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {
namespace fs = std::filesystem;
using e2e::CliProcess;

struct Result {
    int exitCode = -1;
    std::string output;
};

class TrainFieldReports : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("cgs_train_field_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A textured image, so that training has something to learn.
    void image(const std::string &name, int width, int height, int seed) const {
        Image img(width, height, 3);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c)
                    img.pixel(x, y)[c] =
                        static_cast<std::uint8_t>((x * (7 + c) + y * (3 + seed) + seed * 40) % 256);
        fs::create_directories((m_dir / "data" / name).parent_path());
        writeImage((m_dir / "data" / name).string(), img);
    }

    Result run(const std::vector<std::string> &args, const std::string &log = "out") const {
        CliProcess p(args, m_dir / (log + ".txt"));
        EXPECT_TRUE(p.wait(300)) << p.output();
        return {p.exitCode(), p.output()};
    }

    std::vector<std::string> train(const std::string &name, int epochs,
                                   std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {
            "train", "--dataroot", (m_dir / "data").string(), "--name", name,
            "--checkpoints_dir", (m_dir / "runs").string(), "--netG", "resnet_6blocks",
            "--ngf", "4", "--ndf", "4", "--n_epochs", std::to_string(epochs),
            "--n_epochs_decay", "0", "--seed", "5", "--cpu_threads", "1", "--num_threads", "1",
            "--pool_size", "2", "--display_freq", "1000", "--print_freq", "1000"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    fs::path run(const std::string &name) const { return m_dir / "runs" / name; }

    // loss_log.csv without its timing column: iteration, epoch, lr and the eight losses.
    static std::vector<std::string> lossColumns(const fs::path &csv) {
        std::istringstream in(e2e::readAll(csv));
        std::vector<std::string> rows;
        for (std::string line; std::getline(in, line);)
            rows.push_back(line.substr(0, line.rfind(',')));
        return rows;
    }

    fs::path m_dir;
};

// The field report: trainA one 40x40 image, trainB one 48x36 (and, for the pools, a 48x48
// and a 40x40): exit 6 at the first step, or exit 7 at the first checkpoint with all the
// training lost. Now it trains, checkpoints, is killed, and resumes bit for bit.
TEST_F(TrainFieldReports, MixedSizesTrainAreKilledAndResumeBitExactly) {
    image("trainA/a1.png", 40, 40, 1);
    image("trainA/a2.png", 48, 48, 2);
    image("trainB/b1.png", 48, 36, 3);
    image("trainB/b2.png", 40, 40, 4);
    const std::vector<std::string> mixed = {"--preprocess", "none", "--save_latest_freq", "2",
                                            "--save_epoch_freq", "100"};
    const Result whole = run(train("whole", 15, mixed), "whole");
    ASSERT_EQ(whole.exitCode, 0) << whole.output;

    CliProcess killed(train("killed", 15, mixed), m_dir / "killed.txt");
    const fs::path latest = run("killed") / "checkpoints/latest";
    ASSERT_TRUE(e2e::waitFor(killed, 120, [&] {
        return fs::exists(latest / "manifest.json") &&
               e2e::loggedIterations(run("killed") / "loss_log.csv").size() >= 9;
    })) << killed.output();
    ASSERT_TRUE(killed.running()) << "ended before the kill:\n" << killed.output();
    killed.signal(SIGKILL);
    ASSERT_TRUE(killed.wait(30));
    const long long at = e2e::checkpointIteration(latest);
    ASSERT_GT(at, 0);
    ASSERT_LT(at, 30);
    auto resume = train("killed", 15, mixed);
    resume.push_back("--continue_train");
    const Result resumed = run(resume, "resumed");
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_EQ(e2e::resumedIteration(resumed.output), at) << resumed.output;
    // Every logged loss (they depend on all four networks and both pools) and both
    // generators (as official .pth files, which are written byte for byte from the weights)
    // are those of the uninterrupted run.
    EXPECT_EQ(lossColumns(run("killed") / "loss_log.csv"), lossColumns(run("whole") / "loss_log.csv"));
    for (const char *direction : {"AtoB", "BtoA"}) {
        for (const char *name : {"whole", "killed"})
            ASSERT_EQ(run({"convert", run(name).string(), (m_dir / (std::string(name) + direction + ".pth")).string(),
                           "--direction", direction})
                          .exitCode,
                      0);
        EXPECT_EQ(e2e::readAll(m_dir / (std::string("whole") + direction + ".pth")),
                  e2e::readAll(m_dir / (std::string("killed") + direction + ".pth")))
            << direction;
    }
}

TEST_F(TrainFieldReports, ScaleWidthOnMixedAspectRatiosTrains) {
    image("trainA/wide.png", 60, 40, 1);
    image("trainA/square.png", 40, 40, 2);
    image("trainB/tall.png", 40, 56, 3);
    const Result r = run(train("scale", 1, {"--preprocess", "scale_width", "--load_size", "32",
                                            "--crop_size", "24"}));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(fs::exists(run("scale") / "checkpoints/latest/manifest.json"));
}

TEST_F(TrainFieldReports, BatchOfUnstackableImagesIsADatasetErrorBeforeTraining) {
    image("trainA/a40.png", 40, 40, 1);
    image("trainA/a48.png", 48, 48, 2);
    image("trainB/b.png", 40, 40, 3);
    const Result r = run(train("batch", 1, {"--preprocess", "none", "--batch_size", "2"}));
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("--batch_size 2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("a40.png' becomes 40x40, '"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("a48.png' 48x48"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(run("batch")));
}

// The field report: three 40x40 images per domain, --load_size 16 --crop_size 16: accepted,
// then exit 6 with a raw LibTorch message, and the run name blocked afterwards.
TEST_F(TrainFieldReports, TooSmallCropIsRefusedBeforeAnythingIsCreated) {
    for (int i = 0; i < 3; ++i) {
        image("trainA/a" + std::to_string(i) + ".png", 40, 40, i);
        image("trainB/b" + std::to_string(i) + ".png", 40, 40, i + 5);
    }
    const Result small = run(train("small", 1, {"--load_size", "16", "--crop_size", "16"}));
    EXPECT_EQ(small.exitCode, 1) << small.output;
    EXPECT_NE(small.output.find("Use --crop_size 24 or more"), std::string::npos) << small.output;
    EXPECT_FALSE(fs::exists(run("small")));
    const Result below = run(train("small", 1, {"--load_size", "20", "--crop_size", "20"}));
    EXPECT_EQ(below.exitCode, 1) << below.output;
    // The boundary trains, under the same name.
    const Result boundary = run(train("small", 1, {"--load_size", "24", "--crop_size", "24"}));
    EXPECT_EQ(boundary.exitCode, 0) << boundary.output;
}

// A start that ended before its first checkpoint (killed here) does not block the name.
TEST_F(TrainFieldReports, RunWithoutACheckpointCanBeStartedAgain) {
    image("trainA/a.png", 40, 40, 1);
    image("trainB/b.png", 40, 40, 2);
    fs::create_directories(run("again") / "checkpoints");
    fs::create_directories(run("again") / "previews");
    std::ofstream(run("again") / "config.json") << "{}";
    auto resume = train("again", 1, {"--preprocess", "none"});
    resume.push_back("--continue_train");
    const Result refused = run(resume, "refused");
    EXPECT_EQ(refused.exitCode, 4) << refused.output;
    EXPECT_NE(refused.output.find("without --continue_train"), std::string::npos)
        << refused.output;
    const Result again = run(train("again", 1, {"--preprocess", "none"}));
    EXPECT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find("starting it again"), std::string::npos) << again.output;
}

// The field report's second half, as a kind: the FIRST checkpoint cannot be written (here a
// file-size limit that the generators fit under but the optimizer state does not), so there
// is no earlier checkpoint to keep. The generators are written alone, and they translate.
TEST_F(TrainFieldReports, FirstCheckpointThatCannotBeWrittenRescuesTheGenerators) {
    image("trainA/a.png", 40, 40, 1);
    image("trainB/b.png", 40, 40, 2);
    const Result probe = run(train("probe", 1, {"--preprocess", "none"}), "probe");
    ASSERT_EQ(probe.exitCode, 0) << probe.output;
    const auto generatorBytes = fs::file_size(run("probe") / "checkpoints/latest/G_A.pt");
    const auto optimizerBytes = fs::file_size(run("probe") / "checkpoints/latest/optimizer_G.pt");
    ASSERT_GT(optimizerBytes, 2 * generatorBytes);
    const auto limit = static_cast<long long>(2 * generatorBytes);

    CliProcess p(train("full", 1, {"--preprocess", "none"}), m_dir / "full.txt",
                 e2e::SpawnLimits{limit});
    ASSERT_TRUE(p.wait(300)) << p.output();
    EXPECT_EQ(p.exitCode(), 7) << p.output();
    const std::string out = p.output();
    EXPECT_NE(out.find("Cannot write checkpoint '" + (run("full") / "checkpoints/epoch_0001").string()),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("File too large"), std::string::npos) << out;
    const fs::path rescued = run("full") / "rescued/epoch_0001_iter00000001";
    EXPECT_NE(out.find("were saved alone to '" + rescued.string() + "'"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(run("full") / "checkpoints/epoch_0001"));
    EXPECT_FALSE(fs::exists(run("full") / "checkpoints/.epoch_0001.tmp"));

    // The rescued generators are the trained ones: they translate in both directions exactly
    // as the same seeded run's checkpoint does.
    for (const char *direction : {"AtoB", "BtoA"})
        for (const fs::path &model : {rescued, run("probe") / "checkpoints/latest"}) {
            const std::string name = std::string(direction) + "_" + model.parent_path().filename().string();
            const Result t = run({"translate", (m_dir / "data/trainA/a.png").string(), "--model",
                                  model.string(), "--direction", direction, "-o",
                                  (m_dir / name).string()},
                                 name);
            ASSERT_EQ(t.exitCode, 0) << t.output;
        }
    for (const std::string direction : {"AtoB", "BtoA"}) {
        const std::string fromRescued = e2e::readAll(m_dir / (direction + "_rescued") / "a.png");
        EXPECT_FALSE(fromRescued.empty()) << direction;
        EXPECT_EQ(fromRescued, e2e::readAll(m_dir / (direction + "_checkpoints") / "a.png"))
            << direction;
    }
}

TEST_F(TrainFieldReports, CtrlCExits130AfterWritingLatest) {
    image("trainA/a.png", 40, 40, 1);
    image("trainB/b.png", 40, 40, 2);
    CliProcess p(train("stop", 10000, {"--preprocess", "none"}), m_dir / "stop.txt");
    ASSERT_TRUE(e2e::waitFor(p, 120, [&] {
        return e2e::loggedIterations(run("stop") / "loss_log.csv").size() >= 2;
    })) << p.output();
    p.signal(SIGINT);
    ASSERT_TRUE(p.wait(60)) << p.output();
    EXPECT_EQ(p.exitCode(), 130) << p.output();
    EXPECT_NE(p.output().find("saved checkpoint 'latest'"), std::string::npos) << p.output();
    EXPECT_TRUE(fs::exists(run("stop") / "checkpoints/latest/manifest.json"));
}

} // namespace
} // namespace cgs
