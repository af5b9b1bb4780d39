// `cyclegan translate` and `cyclegan convert` end to end: exit codes, messages, outputs.
#include "core/imageio/image_codec.h"
#include "tests/core/imageio/foreign_images.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/wait.h>

namespace cgs {
namespace {

namespace fs = std::filesystem;

std::string sourceDir() {
    const char *root = std::getenv("CGS_SOURCE_DIR");
    return root ? root : ".";
}

std::string quoted(const std::string &s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string readText(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct CliResult {
    int code = -1;
    std::string out, err;
};

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("cgs_cli_" + std::to_string(random()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    CliResult cli(const std::string &args) const {
        const std::string cmd = quoted(CGS_CLI_PATH) + " " + args + " >" +
                                quoted((m_dir / "stdout").string()) + " 2>" +
                                quoted((m_dir / "stderr").string());
        const int status = std::system(cmd.c_str());
        CliResult r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = readText(m_dir / "stdout");
        r.err = readText(m_dir / "stderr");
        return r;
    }
    static std::string fixture(const std::string &name) {
        return sourceDir() + "/tests/fixtures/official/" + name;
    }
    std::string path(const std::string &name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

std::string demoImage(int i) {
    std::vector<std::string> files;
    for (const auto &e : fs::directory_iterator(sourceDir() + "/resources/demo/monet2photo/testA"))
        files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files.at(i);
}

TEST_F(CliTest, MixedFolderGivesExitTwoSummaryAndGoodOutputs) {
    const fs::path in = m_dir / "in";
    fs::create_directories(in);
    fs::copy_file(demoImage(0), in / "good.jpg");
    fs::copy_file(demoImage(1), in / "풍경 사진 1.jpg");
    std::ofstream(in / "empty.jpg").close();
    std::ofstream(in / "text.png") << "hello";
    fs::copy_file(demoImage(2), in / "truncated.jpg");
    fs::resize_file(in / "truncated.jpg", fs::file_size(in / "truncated.jpg") / 3);
    cv::imwrite((in / "deep16.png").string(), cv::Mat(21, 13, CV_16UC3, cv::Scalar(60000, 100, 9)));
    cv::imwrite((in / "rgba.png").string(), cv::Mat(10, 15, CV_8UC4, cv::Scalar(1, 2, 3, 99)));
    fs::create_directories(m_dir / "out");
    std::ofstream(m_dir / "out" / "empty_jpg.png") << "precious";
    const CliResult r =
        cli("translate --model " + quoted(fixture("gen9_zip.pth")) + " " + quoted(in.string()) +
            " -o " + quoted(path("out")) + " --overwrite --cpu_threads 1");
    EXPECT_EQ(r.code, 2) << r.err;
    for (const char *bad : {"empty.jpg", "text.png", "truncated.jpg"})
        EXPECT_NE(r.err.find(bad), std::string::npos) << bad << "\n" << r.err;
    EXPECT_NE(r.err.find("3 input(s) failed"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("4 translated"), std::string::npos) << r.out;
    EXPECT_EQ(readText(m_dir / "out" / "empty_jpg.png"), "precious");
    EXPECT_EQ(readImage(path("out/good_jpg.png")).width, 128);
    EXPECT_EQ(readImage(path("out/풍경 사진 1_jpg.png")).height, 128);
    const Image deep = readImage(path("out/deep16.png"));
    EXPECT_EQ(deep.width, 13);
    EXPECT_EQ(deep.height, 21);
    const Image rgba = readImage(path("out/rgba.png"), ReadOptions{Alpha::Keep});
    ASSERT_EQ(rgba.channels, 4);
    EXPECT_EQ(rgba.width, 15);
    EXPECT_EQ(rgba.data[3], 99);
    EXPECT_FALSE(fs::exists(path("out/truncated_jpg.png")));
}

// The field report: photo.png translated alone, then a folder holding photo.png and photo.jpg
// said "1 translated, 1 skipped" and photo.jpg was never translated.
TEST_F(CliTest, EachInputHasItsOwnOutputName) {
    const fs::path in = m_dir / "s";
    fs::create_directories(in);
    fs::copy_file(demoImage(0), in / "photo.jpg");
    cv::imwrite((in / "photo.png").string(), cv::Mat(20, 24, CV_8UC3, cv::Scalar(10, 200, 30)));
    const std::string model = " --model " + quoted(fixture("gen9_zip.pth")) + " --cpu_threads 1";
    ASSERT_EQ(cli("translate " + quoted((in / "photo.png").string()) + " -o " + quoted(path("out")) +
                  model).code,
              0);
    const CliResult r = cli("translate " + quoted(in.string()) + " -o " + quoted(path("out")) + model);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("1 translated, 1 skipped"), std::string::npos) << r.out;
    EXPECT_EQ(readImage(path("out/photo_jpg.png")).width, 128);
    EXPECT_EQ(readImage(path("out/photo.png")).width, 24);
}

// Weight files as people have them: saved with dropout, or from a wrapped model.
TEST_F(CliTest, DropoutAndWrappedWeightFilesTranslateAndConvertSaysWhatItFound) {
    const CliResult dropout =
        cli("convert " + quoted(fixture("gen9_dropout_zip.pth")) + " " + quoted(path("m")));
    EXPECT_EQ(dropout.code, 0) << dropout.err;
    EXPECT_NE(dropout.out.find("saved with dropout"), std::string::npos) << dropout.out;
    const CliResult wrapped =
        cli("convert " + quoted(fixture("tiny_module_zip.pth")) + " " + quoted(path("w")));
    EXPECT_EQ(wrapped.code, 0) << wrapped.err;
    EXPECT_NE(wrapped.out.find("prefix 'module.'"), std::string::npos) << wrapped.out;
    const CliResult translated = cli("translate --model " + quoted(fixture("gen9_dropout_zip.pth")) +
                                     " " + quoted(demoImage(0)) + " -o " + quoted(path("out")) +
                                     " --cpu_threads 1");
    EXPECT_EQ(translated.code, 0) << translated.err;
    const CliResult whole = cli("convert " + quoted(fixture("whole_model_zip.pth")) + " " +
                                quoted(path("x")));
    EXPECT_EQ(whole.code, 1);
    EXPECT_NE(whole.err.find("whole pickled model"), std::string::npos) << whole.err;
}

// 128 zero bytes and "DICM" under a .png name made OpenCV pick GDCM, which aborts;
// that file and the other formats OpenCV sniffs beyond ours are refused, naming the file, and
// the image after them is still translated.
TEST_F(CliTest, ForeignContentsAreRefusedAndTheRestOfTheBatchCompletes) {
    const fs::path in = m_dir / "in";
    fs::create_directories(in);
    std::string inputs;
    const auto foreign = test::foreignImages();
    for (const auto &f : foreign) {
        const fs::path file = in / (f.label == "dicom-132" ? "scan.png" : f.label + ".png");
        std::ofstream(file, std::ios::binary) << f.bytes;
        inputs += quoted(file.string()) + " ";
    }
    fs::copy_file(demoImage(0), in / "good.jpg");
    const CliResult r = cli("translate --model " + quoted(fixture("gen9_zip.pth")) + " " +
                            inputs + quoted((in / "good.jpg").string()) + " -o " +
                            quoted(path("out")) + " --cpu_threads 1");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("'" + (in / "scan.png").string() +
                         "': not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): "
                         "looks like DICOM"),
              std::string::npos)
        << r.err;
    for (const auto &f : foreign)
        EXPECT_NE(r.err.find(f.looksLike.empty() ? "unknown content" : "looks like " + f.looksLike),
                  std::string::npos)
            << f.label << "\n" << r.err;
    EXPECT_NE(r.err.find(std::to_string(foreign.size()) + " input(s) failed"), std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("1 translated"), std::string::npos) << r.out;
    EXPECT_EQ(readImage(path("out/good_jpg.png")).width, 128);
}

TEST_F(CliTest, MissingModelExitsOneAndNamesIt) {
    const CliResult r = cli("translate --model " + quoted(path("no model.pth")) + " " +
                            quoted(demoImage(0)) + " -o " + quoted(path("out")));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find(path("no model.pth")), std::string::npos) << r.err;
    const CliResult foreign = cli("translate --model " + quoted(fixture("disc_zip.pth")) + " " +
                                  quoted(demoImage(0)) + " -o " + quoted(path("out")));
    EXPECT_EQ(foreign.code, 1);
    EXPECT_NE(foreign.err.find("disc_zip.pth"), std::string::npos) << foreign.err;
}

TEST_F(CliTest, UnwritableOutputFolderIsReported) {
    std::ofstream(m_dir / "file") << "x";
    const CliResult r = cli("translate --model " + quoted(fixture("gen9_zip.pth")) + " " +
                            quoted(demoImage(0)) + " -o " + quoted(path("file/out")));
    EXPECT_EQ(r.code, 7);
    EXPECT_NE(r.err.find(path("file/out")), std::string::npos) << r.err;
}

TEST_F(CliTest, UsageErrorsExitOne) {
    EXPECT_EQ(cli("translate --model " + quoted(fixture("gen9_zip.pth")) + " x.jpg").code, 1);
    EXPECT_EQ(cli("translate --model " + quoted(fixture("gen9_zip.pth")) + " " +
                  quoted(demoImage(0)) + " -o " + quoted(path("out")) + " --format gif")
                  .code,
              1);
}

TEST_F(CliTest, TrainedRunTranslatesAndConvertsBothWays) {
    const std::string demo = sourceDir() + "/resources/demo/monet2photo";
    const CliResult train = cli(
        "train --dataroot " + quoted(demo) + " --name run --checkpoints_dir " + quoted(path("")) +
        " --netG resnet_6blocks --ngf 4 --ndf 4 --load_size 36 --crop_size 32 --n_epochs 1 "
        "--n_epochs_decay 0 --max_dataset_size 4 --cpu_threads 1 --seed 1");
    ASSERT_EQ(train.code, 0) << train.err << train.out;
    const std::string run = path("run");
    const std::string input = quoted(demoImage(3));
    ASSERT_EQ(cli("translate --model " + quoted(run) + " --direction BtoA " + input + " -o " +
                  quoted(path("a")))
                  .code,
              0);
    ASSERT_EQ(
        cli("convert " + quoted(run) + " " + quoted(path("g.pth")) + " --direction BtoA").code, 0);
    ASSERT_EQ(cli("convert " + quoted(path("g.pth")) + " " + quoted(path("ckpt"))).code, 0);
    ASSERT_EQ(
        cli("translate --model " + quoted(path("g.pth")) + " " + input + " -o " + quoted(path("b")))
            .code,
        0);
    ASSERT_EQ(
        cli("translate --model " + quoted(path("ckpt")) + " " + input + " -o " + quoted(path("c")))
            .code,
        0);
    const fs::path inputFile(demoImage(3));
    const std::string name =
        inputFile.stem().string() + "_" + inputFile.extension().string().substr(1) + ".png";
    const Image a = readImage(path("a/" + name));
    EXPECT_EQ(a.width, 128);
    EXPECT_EQ(a.data, readImage(path("b/" + name)).data);
    EXPECT_EQ(a.data, readImage(path("c/" + name)).data);
    const CliResult again = cli("convert " + quoted(path("g.pth")) + " " + quoted(path("ckpt")));
    EXPECT_EQ(again.code, 1) << "refuses to overwrite";
}

} // namespace
} // namespace cgs
