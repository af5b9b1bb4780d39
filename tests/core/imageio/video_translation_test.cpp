#include "core/imageio/video_translation.h"
#include "tests/core/imageio/test_util.h"
#include "tests/core/imageio/video_test_util.h"

#include "core/engine/error.h"
#include "core/imageio/mat_image.h"
#include "core/imageio/video_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace cgs {
namespace {

namespace fs = std::filesystem;

// A frame function that any codec error would show: colours inverted.
Image invert(const Image &in, const std::atomic<bool> &) {
    Image out = in;
    for (auto &b : out.data)
        b = static_cast<std::uint8_t>(255 - b);
    return out;
}

cv::Mat inverted(const cv::Mat &bgr) {
    cv::Mat out;
    cv::bitwise_not(bgr, out);
    return out;
}

std::vector<std::string> filesIn(const std::string &dir) {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class VideoTranslationTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_frames = test::panningFrames(24, 68, 52);
        test::writeClip(m_dir.file("clip.mkv"), m_frames, 12);
        fs::create_directories(m_dir.file("out"));
    }
    std::string out(const std::string &name) const { return m_dir.file("out/" + name); }

    test::TempDir m_dir;
    std::vector<cv::Mat> m_frames;
    std::atomic<bool> m_cancel{false};
};

TEST_F(VideoTranslationTest, KeepsFramesSizeRateAndTranslatesEachFrame) {
    const VideoResult r =
        translateVideo(m_dir.file("clip.mkv"), out("clip.mkv"), {}, invert, m_cancel);
    EXPECT_EQ(r.frames, 24);
    EXPECT_EQ(r.codec, "FFV1 (lossless)");
    double fps = 0;
    const auto frames = test::readClip(out("clip.mkv"), &fps);
    ASSERT_EQ(frames.size(), 24u);
    EXPECT_DOUBLE_EQ(fps, 12);
    const auto decoded = test::readClip(m_dir.file("clip.mkv"));
    for (int i = 0; i < 24; ++i) {
        EXPECT_EQ(frames[i].cols, 68);
        EXPECT_EQ(frames[i].rows, 52);
        EXPECT_TRUE(test::sameMat(frames[i], inverted(decoded[i]))) << "frame " << i;
    }
    EXPECT_EQ(filesIn(m_dir.file("out")), std::vector<std::string>{"clip.mkv"});
}

TEST_F(VideoTranslationTest, FrameRangeGivesThoseFrames) {
    VideoTranslateOptions o;
    parseFrameRange("5:10", o);
    std::vector<int> progress;
    const VideoResult r = translateVideo(m_dir.file("clip.mkv"), out("part.mkv"), o, invert,
                                         m_cancel, [&](const VideoProgress &p) {
                                             progress.push_back(static_cast<int>(p.frame));
                                             EXPECT_EQ(p.total, 5);
                                         });
    EXPECT_EQ(r.frames, 5);
    EXPECT_EQ(progress, (std::vector<int>{1, 2, 3, 4, 5}));
    const auto frames = test::readClip(out("part.mkv"));
    ASSERT_EQ(frames.size(), 5u);
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(test::sameMat(frames[i], inverted(m_frames[5 + i]))) << i;
}

TEST_F(VideoTranslationTest, ParsesAndRefusesFrameRanges) {
    VideoTranslateOptions o;
    parseFrameRange("7:", o);
    EXPECT_EQ(o.firstFrame, 7);
    EXPECT_EQ(o.endFrame, -1);
    parseFrameRange(":3", o);
    EXPECT_EQ(o.firstFrame, 0);
    EXPECT_EQ(o.endFrame, 3);
    for (const char *bad : {"5", "10:5", "5:5", "a:b", "-1:4", ":"})
        EXPECT_THROW(parseFrameRange(bad, o), ConfigError) << bad;
    o = {};
    o.firstFrame = 30;
    try {
        translateVideo(m_dir.file("clip.mkv"), out("x.mkv"), o, invert, m_cancel);
        ADD_FAILURE();
    } catch (const DatasetError &e) {
        EXPECT_NE(std::string(e.what()).find("24 frames"), std::string::npos) << e.what();
    }
}

TEST_F(VideoTranslationTest, CancelLeavesNoOutputFile) {
    int calls = 0;
    auto cancelAtThree = [&](const Image &in, const std::atomic<bool> &stop) {
        if (++calls == 3)
            m_cancel = true;
        return invert(in, stop);
    };
    EXPECT_THROW(translateVideo(m_dir.file("clip.mkv"), out("clip.mkv"), {}, cancelAtThree,
                                m_cancel),
                 Cancelled);
    EXPECT_TRUE(filesIn(m_dir.file("out")).empty());
}

TEST_F(VideoTranslationTest, TruncatedVideoNamesTheFileAndLeavesNoOutput) {
    fs::copy_file(m_dir.file("clip.mkv"), m_dir.file("cut.mkv"));
    fs::resize_file(m_dir.file("cut.mkv"), fs::file_size(m_dir.file("cut.mkv")) * 6 / 10);
    try {
        translateVideo(m_dir.file("cut.mkv"), out("cut.mkv"), {}, invert, m_cancel);
        ADD_FAILURE();
    } catch (const DatasetError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(m_dir.file("cut.mkv")), std::string::npos) << what;
        EXPECT_NE(what.find("truncated"), std::string::npos) << what;
    }
    EXPECT_TRUE(filesIn(m_dir.file("out")).empty());
}

TEST_F(VideoTranslationTest, TextFileNamedMp4IsRefusedByName) {
    test::writeFile(m_dir.file("notes.mp4"), "just some text, not a video\n");
    try {
        VideoReader reader(m_dir.file("notes.mp4"));
        ADD_FAILURE();
    } catch (const DatasetError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("notes.mp4"), std::string::npos) << what;
        EXPECT_NE(what.find("not a video file"), std::string::npos) << what;
    }
}

TEST_F(VideoTranslationTest, SeekGivesTheSameFrameAsReadingOn) {
    VideoReader reader(m_dir.file("clip.mkv"));
    EXPECT_EQ(reader.info().frameCount, 24);
    for (int index : {17, 3, 0, 23}) {
        reader.seek(index);
        Image frame;
        ASSERT_TRUE(reader.read(frame));
        EXPECT_TRUE(test::sameMat(imageToMat(frame), m_frames[index])) << index;
    }
    EXPECT_THROW(reader.seek(24), DatasetError);
}

TEST_F(VideoTranslationTest, LossyContainersKeepTheirCodecWithinTolerance) {
    test::writeClip(m_dir.file("clip.mp4"), m_frames, 12, "avc1");
    const VideoResult r =
        translateVideo(m_dir.file("clip.mp4"), out("clip.mp4"), {}, invert, m_cancel);
    EXPECT_EQ(r.codec, "H.264");
    const auto in = test::readClip(m_dir.file("clip.mp4"));
    const auto frames = test::readClip(out("clip.mp4"));
    ASSERT_EQ(frames.size(), 24u);
    for (int i = 0; i < 24; ++i) // a second H.264 pass on smooth frames: PSNR above 30 dB
        EXPECT_GT(cv::PSNR(frames[i], inverted(in[i])), 30) << i;
}

TEST_F(VideoTranslationTest, WithoutFfmpegTheOutputIsSilentAndSaysSo) {
    const std::string savedPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", m_dir.path().c_str(), 1);
    const VideoResult r =
        translateVideo(m_dir.file("clip.mkv"), out("clip.mkv"), {}, invert, m_cancel);
    ::setenv("PATH", savedPath.c_str(), 1);
    EXPECT_EQ(r.audio, AudioOutcome::NoFfmpeg);
    EXPECT_EQ(describe(r.audio), "silent: ffmpeg not installed");
}

TEST_F(VideoTranslationTest, WithFfmpegTheAudioIsMuxedIntoTheFinalFile) {
    // Stand-ins for ffprobe (reports one audio stream) and ffmpeg (records its arguments and
    // copies the translated video to its output, the last argument).
    const std::string bin = m_dir.file("bin");
    test::writeFile(bin + "/ffprobe", "#!/bin/sh\necho 1\n");
    test::writeFile(bin + "/ffmpeg", "#!/bin/sh\necho \"$@\" > \"" + m_dir.file("args") +
                                         "\"\nfor a; do last=$a; done\ncp \"$6\" \"$last\"\n");
    fs::permissions(bin + "/ffprobe", fs::perms::owner_all);
    fs::permissions(bin + "/ffmpeg", fs::perms::owner_all);
    const std::string savedPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", (bin + ":" + savedPath).c_str(), 1);
    VideoTranslateOptions o;
    parseFrameRange("6:18", o);
    const VideoResult r = translateVideo(m_dir.file("clip.mkv"), out("clip.mkv"), o, invert,
                                         m_cancel);
    ::setenv("PATH", savedPath.c_str(), 1);
    EXPECT_EQ(r.audio, AudioOutcome::Copied) << r.audioNote;
    const std::string args = test::readFile(m_dir.file("args"));
    EXPECT_NE(args.find("-ss 0.500000 -i " + fs::absolute(m_dir.file("clip.mkv")).string()),
              std::string::npos)
        << args;
    EXPECT_NE(args.find("-c copy -t 1.000000"), std::string::npos) << args;
    EXPECT_EQ(test::readClip(out("clip.mkv")).size(), 12u);
    EXPECT_EQ(filesIn(m_dir.file("out")), std::vector<std::string>{"clip.mkv"});
}

} // namespace
} // namespace cgs
