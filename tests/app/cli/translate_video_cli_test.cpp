// `cyclegan translate` on videos end to end: frames equal the single-image translation, frame
// ranges, bad videos named while the other inputs are done.
#include "tests/core/imageio/test_util.h"
#include "tests/core/imageio/video_test_util.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>

namespace cgs {
namespace {

namespace fs = std::filesystem;

struct CliResult {
    int code = -1;
    std::string out, err;
};

class TranslateVideoCliTest : public ::testing::Test {
protected:
    CliResult cli(const std::string &args) const {
        const std::string cmd = std::string("'") + CGS_CLI_PATH + "' translate --model '" +
                                test::sourceDir() + "/tests/fixtures/official/gen9_zip.pth' " +
                                "--cpu_threads 1 " + args + " >'" + m_dir.file("stdout") +
                                "' 2>'" + m_dir.file("stderr") + "'";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::readFile(m_dir.file("stdout")),
                test::readFile(m_dir.file("stderr"))};
    }
    test::TempDir m_dir;
};

TEST_F(TranslateVideoCliTest, EachFrameEqualsTheSingleImageTranslation) {
    test::writeClip(m_dir.file("clip.mkv"), test::panningFrames(24, 68, 52), 12);
    const auto decoded = test::readClip(m_dir.file("clip.mkv"));
    ASSERT_EQ(decoded.size(), 24u);
    fs::create_directories(m_dir.file("frames"));
    for (int i = 0; i < 24; ++i)
        cv::imwrite(m_dir.file("frames/" + std::to_string(100 + i) + ".png"), decoded[i]);
    const CliResult r = cli("'" + m_dir.file("clip.mkv") + "' '" + m_dir.file("frames") +
                            "' -o '" + m_dir.file("out") + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("clip.mkv: 24 frames"), std::string::npos) << r.out;
    double fps = 0;
    const auto frames = test::readClip(m_dir.file("out/clip.mkv"), &fps);
    ASSERT_EQ(frames.size(), 24u);
    EXPECT_DOUBLE_EQ(fps, 12);
    for (int i = 0; i < 24; ++i) {
        EXPECT_EQ(frames[i].size(), cv::Size(68, 52));
        const cv::Mat single =
            cv::imread(m_dir.file("out/" + std::to_string(100 + i) + ".png"));
        EXPECT_TRUE(test::sameMat(frames[i], single)) << "frame " << i;
    }
}

TEST_F(TranslateVideoCliTest, BadVideosAreNamedAndTheOthersDone) {
    fs::create_directories(m_dir.file("in"));
    test::writeClip(m_dir.file("in/good.mkv"), test::panningFrames(24, 68, 52), 12);
    fs::copy_file(m_dir.file("in/good.mkv"), m_dir.file("in/cut.mkv"));
    fs::resize_file(m_dir.file("in/cut.mkv"), fs::file_size(m_dir.file("in/cut.mkv")) / 2);
    test::writeFile(m_dir.file("in/notes.mp4"), "not a video\n");
    const CliResult r = cli("'" + m_dir.file("in") + "' -o '" + m_dir.file("out") +
                            "' --frames 5:10 --temporal_smoothing 0.8");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("notes.mp4': not a video file"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cut.mkv"), std::string::npos) << r.err;
    EXPECT_EQ(test::readClip(m_dir.file("out/good.mkv")).size(), 5u);
    EXPECT_FALSE(fs::exists(m_dir.file("out/notes.mp4")));
}

TEST_F(TranslateVideoCliTest, RefusesBadVideoOptions) {
    test::writeClip(m_dir.file("clip.mkv"), test::panningFrames(4, 68, 52), 12);
    for (const char *bad : {"--frames 9:2", "--temporal_smoothing 1.5", "--video_codec divx"}) {
        const CliResult r =
            cli("'" + m_dir.file("clip.mkv") + "' -o '" + m_dir.file("out") + "' " + bad);
        EXPECT_EQ(r.code, 1) << bad << "\n" << r.err;
        EXPECT_NE(r.err.find(std::string(bad).substr(0, 8)), std::string::npos) << r.err;
    }
}

} // namespace
} // namespace cgs
