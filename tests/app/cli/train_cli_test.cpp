// End-to-end tests of `cyclegan train` on the bundled demo dataset, through the real executable.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
namespace fs = std::filesystem;

struct Result {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

std::string readAll(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class TrainCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("cgs_train_cli_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        const char *src = std::getenv("CGS_SOURCE_DIR");
        m_demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
    }
    void TearDown() override { fs::remove_all(m_dir); }

    Result run(const std::string &args) const {
        const fs::path out = m_dir / "output.txt";
        const std::string cmd = std::string("'") + CGS_CLI_PATH + "' " + args + " > '" +
                                out.string() + "' 2>&1";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readAll(out)};
    }

    // A tiny model: 4 images per domain, 32x32 crops, ngf 4; a few seconds per epoch.
    std::string tinyTrain(const std::string &name, int epochs = 1) const {
        return "train --dataroot '" + m_demo.string() + "' --name " + name + " --checkpoints_dir '" +
               (m_dir / "runs").string() +
               "' --netG resnet_6blocks --ngf 4 --ndf 4 --load_size 36 --crop_size 32 "
               "--max_dataset_size 4 --n_epochs " + std::to_string(epochs) +
               " --n_epochs_decay 0 --display_freq 2 --print_freq 1 --save_epoch_freq 1 "
               "--seed 7 --cpu_threads 1 --num_threads 2";
    }

    static int dataRows(const fs::path &csv) {
        std::ifstream in(csv);
        std::string line;
        int rows = -1; // header
        while (std::getline(in, line))
            rows += line.empty() ? 0 : 1;
        return rows;
    }

    fs::path m_dir;
    fs::path m_demo;
};

TEST_F(TrainCli, TrainsTheDemoAndWritesTheRunFolder) {
    const Result r = run(tinyTrain("demo"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("it/s"), std::string::npos) << r.output;
    const fs::path run = m_dir / "runs/demo";
    EXPECT_NE(readAll(run / "config.json").find("\"crop_size\": 32"), std::string::npos);
    EXPECT_EQ(dataRows(run / "loss_log.csv"), 4);
    EXPECT_TRUE(fs::exists(run / "checkpoints/latest/manifest.json"));
    EXPECT_TRUE(fs::exists(run / "checkpoints/epoch_0001/G_A.pt"));
    int pngs = 0;
    for (const auto &e : fs::directory_iterator(run / "previews"))
        pngs += e.path().extension() == ".png" ? 1 : 0;
    EXPECT_EQ(pngs, 2); // every 2 images
}

TEST_F(TrainCli, ContinueTrainAppendsToTheSameLossCurve) {
    ASSERT_EQ(run(tinyTrain("resume", 1)).exitCode, 0);
    const Result r = run(tinyTrain("resume", 2) + " --continue_train");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const fs::path csv = m_dir / "runs/resume/loss_log.csv";
    EXPECT_EQ(dataRows(csv), 8);
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    for (int expected = 1; std::getline(in, line); ++expected)
        EXPECT_EQ(std::stoi(line), expected) << "iterations must run 1..8 once each";
}

// A file that would select one of OpenCV's other decoders (the 132-byte DICOM trigger
// aborted the process) is reported and skipped; the training goes on with the rest.
TEST_F(TrainCli, ForeignFileInTheTrainingFolderIsReportedAndSkipped) {
    const fs::path data = m_dir / "data";
    for (const char *domain : {"trainA", "trainB"}) {
        fs::create_directories(data / domain);
        int copied = 0;
        for (const auto &e : fs::directory_iterator(m_demo / domain))
            if (copied < 3 && fs::copy_file(e.path(), data / domain / e.path().filename()))
                ++copied;
    }
    std::ofstream(data / "trainA" / "scan.png", std::ios::binary)
        << std::string(128, '\0') + "DICM";
    std::string args = tinyTrain("foreign");
    args.replace(args.find(m_demo.string()), m_demo.string().size(), data.string());
    const Result r = run(args);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("'" + (data / "trainA" / "scan.png").string() +
                            "': not an image in a supported format (JPEG, PNG, BMP, TIFF, "
                            "WebP): looks like DICOM"),
              std::string::npos)
        << r.output;
    EXPECT_TRUE(fs::exists(m_dir / "runs/foreign/checkpoints/epoch_0001/G_A.pt"));
}

TEST_F(TrainCli, RefusesToOverwriteAnEarlierRun) {
    ASSERT_EQ(run(tinyTrain("keep")).exitCode, 0);
    const fs::path config = m_dir / "runs/keep/config.json";
    const std::string before = readAll(config);
    const auto csvBefore = readAll(m_dir / "runs/keep/loss_log.csv");
    const Result r = run(tinyTrain("keep"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("--continue_train"), std::string::npos) << r.output;
    EXPECT_EQ(readAll(config), before);
    EXPECT_EQ(readAll(m_dir / "runs/keep/loss_log.csv"), csvBefore);
}

TEST_F(TrainCli, MissingDatasetIsNamed) {
    const Result r = run("train --dataroot '" + (m_dir / "nowhere").string() + "' --name x " +
                         "--checkpoints_dir '" + (m_dir / "runs").string() + "'");
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("nowhere"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(m_dir / "runs/x"));
}

TEST_F(TrainCli, BadOptionIsNamed) {
    const Result r = run(tinyTrain("bad") + " --netG unet_256");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("--netG 'unet_256'"), std::string::npos) << r.output;
    const Result crop = run(tinyTrain("bad2") + " --crop_size 64");
    EXPECT_EQ(crop.exitCode, 1);
    EXPECT_NE(crop.output.find("--load_size"), std::string::npos) << crop.output;
}

TEST_F(TrainCli, ResumeWithoutACheckpointIsACheckpointError) {
    const Result r = run(tinyTrain("never") + " --continue_train");
    EXPECT_EQ(r.exitCode, 4) << r.output;
    EXPECT_NE(r.output.find("latest"), std::string::npos) << r.output;
}

} // namespace
