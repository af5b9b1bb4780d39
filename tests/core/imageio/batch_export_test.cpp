#include "core/imageio/batch_export.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "tests/core/imageio/foreign_images.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

Image gradient(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t *p = img.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(x * 7);
            p[1] = static_cast<std::uint8_t>(y * 5);
            p[2] = 128;
        }
    return img;
}

// A stand-in for the translator: inverts the colours, keeps alpha.
Image invert(const Image &in, const std::atomic<bool> &) {
    Image out = in;
    for (std::size_t i = 0; i < out.data.size(); ++i)
        if (out.channels != 4 || i % 4 != 3)
            out.data[i] = static_cast<std::uint8_t>(255 - out.data[i]);
    return out;
}

std::string readBytes(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class BatchExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("cgs_export_" + std::to_string(random()));
        fs::create_directories(m_dir / "in" / "sub");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path in(const std::string &name) const { return m_dir / "in" / name; }
    fs::path out(const std::string &name) const { return m_dir / "out" / name; }
    void image(const std::string &name, int w, int h) {
        writeImage(in(name).string(), gradient(w, h));
    }

    ExportSummary run(BatchExportOptions o, const std::atomic<bool> &cancel = false,
                      const ProgressFunction &progress = {}) {
        if (o.inputs.empty())
            o.inputs = {(m_dir / "in").string()};
        if (o.outputDir.empty())
            o.outputDir = (m_dir / "out").string();
        BatchExporter exporter(o, invert);
        return exporter.run(cancel, progress);
    }

    fs::path m_dir;
};

TEST_F(BatchExportTest, MirrorsSubfoldersAndKeepsSizes) {
    image("a.jpg", 31, 17);
    image("sub/b.png", 1, 9);
    BatchExportOptions o;
    o.recursion = Recursion::IncludeSubfolders;
    const ExportSummary s = run(o);
    EXPECT_EQ(s.progress.translated, 2);
    EXPECT_TRUE(s.failures.empty());
    const Image a = readImage(out("a_jpg.png").string()), b = readImage(out("sub/b.png").string());
    EXPECT_EQ(a.width, 31);
    EXPECT_EQ(a.height, 17);
    EXPECT_EQ(b.width, 1);
    EXPECT_EQ(b.height, 9);
    EXPECT_EQ(b.data, invert(gradient(1, 9), false).data); // png: exact
}

TEST_F(BatchExportTest, TopLevelOnlyWithoutRecursion) {
    image("a.png", 8, 8);
    image("sub/b.png", 8, 8);
    EXPECT_EQ(run({}).progress.translated, 1);
    EXPECT_FALSE(fs::exists(out("sub/b.png")));
}

TEST_F(BatchExportTest, FilesAndSeveralFoldersGetTheirOwnPlaces) {
    image("a.png", 8, 8);
    image("sub/b.png", 8, 8);
    fs::create_directories(m_dir / "other");
    writeImage((m_dir / "other" / "c.png").string(), gradient(8, 8));
    BatchExportOptions o;
    o.inputs = {in("sub").string(), (m_dir / "other").string() + "/", in("a.png").string()};
    o.format = "jpg";
    EXPECT_EQ(run(o).progress.translated, 3);
    EXPECT_TRUE(fs::exists(out("sub/b_png.jpg")));
    EXPECT_TRUE(fs::exists(out("other/c_png.jpg")));
    EXPECT_TRUE(fs::exists(out("a_png.jpg")));
}

TEST_F(BatchExportTest, OutputNameDependsOnTheInputAlone) {
    image("a.jpg", 8, 8);
    image("a.png", 9, 9);
    image("b.JPG", 10, 10);
    EXPECT_EQ(run({}).progress.translated, 3);
    EXPECT_EQ(readImage(out("a_jpg.png").string()).width, 8);
    EXPECT_EQ(readImage(out("a.png").string()).width, 9); // the format's own extension: kept
    EXPECT_EQ(readImage(out("b_JPG.png").string()).width, 10);
    // The same names whatever else is in the folder.
    fs::remove_all(out(""));
    fs::remove(in("a.png"));
    EXPECT_EQ(run({}).progress.translated, 2);
    EXPECT_TRUE(fs::exists(out("a_jpg.png")));
    EXPECT_FALSE(fs::exists(out("a.png")));
}

// The field report: photo.png translated alone, then the folder with photo.png and photo.jpg:
// photo.jpg must be translated, only photo.png skipped.
TEST_F(BatchExportTest, SkipsOnlyAnInputWhoseOwnOutputExists) {
    image("photo.png", 8, 8);
    BatchExportOptions single;
    single.inputs = {in("photo.png").string()};
    EXPECT_EQ(run(single).progress.translated, 1);
    image("photo.jpg", 9, 9);
    const ExportSummary s = run({});
    EXPECT_EQ(s.progress.translated, 1);
    EXPECT_EQ(s.progress.skipped, 1);
    EXPECT_TRUE(s.failures.empty());
    EXPECT_EQ(readImage(out("photo_jpg.png").string()).width, 9);
    EXPECT_EQ(readImage(out("photo.png").string()).width, 8);
}

TEST_F(BatchExportTest, UnavoidableCollisionsAreReportedNotSkipped) {
    image("x.jpg", 8, 8);
    image("x_jpg.png", 9, 9); // the rule gives it x_jpg.png too
    fs::create_directories(m_dir / "other");
    writeImage((m_dir / "other" / "x.jpg").string(), gradient(10, 10));
    BatchExportOptions o;
    o.inputs = {in("x.jpg").string(), in("x_jpg.png").string(),
                (m_dir / "other" / "x.jpg").string()};
    const ExportSummary s = run(o);
    EXPECT_EQ(s.progress.translated, 1);
    EXPECT_EQ(s.progress.skipped, 0);
    EXPECT_EQ(s.progress.failed, 2);
    ASSERT_EQ(s.failures.size(), 2u);
    EXPECT_EQ(s.failures[0].path, in("x_jpg.png").string());
    EXPECT_NE(s.failures[0].reason.find("also the output of '" + in("x.jpg").string()),
              std::string::npos)
        << s.failures[0].reason;
    EXPECT_EQ(s.failures[1].path, (m_dir / "other" / "x.jpg").string());
    EXPECT_EQ(readImage(out("x_jpg.png").string()).width, 8); // the first input's
}

TEST_F(BatchExportTest, SkipsExistingUnlessOverwrite) {
    image("a.png", 8, 8);
    fs::create_directories(out(""));
    std::ofstream(out("a.png")) << "keep me";
    ExportSummary s = run({});
    EXPECT_EQ(s.progress.skipped, 1);
    EXPECT_EQ(readBytes(out("a.png")), "keep me");
    BatchExportOptions o;
    o.overwrite = true;
    s = run(o);
    EXPECT_EQ(s.progress.translated, 1);
    EXPECT_EQ(readImage(out("a.png").string()).width, 8);
}

TEST_F(BatchExportTest, CollectsBadFilesAndProcessesTheRest) {
    image("good.jpg", 30, 20);
    image("풍경 사진.png", 11, 7);
    std::ofstream(in("empty.png")).close();
    std::ofstream(in("text.png")) << "this is not a png";
    image("truncated.jpg", 64, 64);
    fs::resize_file(in("truncated.jpg"), fs::file_size(in("truncated.jpg")) / 2);
    cv::Mat deep(5, 7, CV_16UC3, cv::Scalar(65535, 0, 30000));
    cv::imwrite(in("deep16.png").string(), deep);
    cv::Mat rgba(6, 4, CV_8UC4, cv::Scalar(10, 20, 30, 77));
    cv::imwrite(in("alpha.png").string(), rgba);
    fs::create_directories(out(""));
    std::ofstream(out("empty.png")) << "old output";
    BatchExportOptions o;
    o.overwrite = true;
    o.inputs = {(m_dir / "in").string(), in("missing.jpg").string(), in("notes.txt").string()};
    const ExportSummary s = run(o);
    EXPECT_EQ(s.progress.translated, 4);
    std::string failed;
    for (const auto &f : s.failures) {
        failed += fs::path(f.path).filename().string() + " ";
        EXPECT_NE(f.reason.find(fs::path(f.path).filename().string()), std::string::npos)
            << f.reason;
    }
    EXPECT_EQ(s.progress.failed, 5) << failed;
    for (const char *bad : {"empty.png", "text.png", "truncated.jpg", "missing.jpg", "notes.txt"})
        EXPECT_NE(failed.find(bad), std::string::npos) << bad << " not in " << failed;
    EXPECT_EQ(readBytes(out("empty.png")), "old output"); // a failure never damages outputs
    EXPECT_EQ(readImage(out("풍경 사진.png").string()).width, 11);
    EXPECT_EQ(readImage(out("deep16.png").string()).height, 5);
    const Image a = readImage(out("alpha.png").string(), ReadOptions{Alpha::Keep});
    ASSERT_EQ(a.channels, 4);
    EXPECT_EQ(a.data[3], 77);
    for (const auto &entry : fs::recursive_directory_iterator(out("")))
        EXPECT_EQ(entry.path().string().find(".part"), std::string::npos) << entry.path();
}

// Every foreign content is refused with its own failure naming it; the good image
// after them is exported.
TEST_F(BatchExportTest, ForeignContentsFailOneByOneAndTheRestIsExported) {
    const auto foreign = test::foreignImages();
    BatchExportOptions o;
    for (const auto &f : foreign) {
        std::ofstream(in(f.label + ".png"), std::ios::binary) << f.bytes;
        o.inputs.push_back(in(f.label + ".png").string());
    }
    image("z_good.png", 9, 4);
    o.inputs.push_back(in("z_good.png").string());
    const ExportSummary s = run(o);
    EXPECT_EQ(s.progress.translated, 1);
    ASSERT_EQ(s.failures.size(), foreign.size());
    for (std::size_t i = 0; i < foreign.size(); ++i) {
        EXPECT_EQ(s.failures[i].path, in(foreign[i].label + ".png").string());
        EXPECT_NE(s.failures[i].reason.find("not an image in a supported format"),
                  std::string::npos)
            << s.failures[i].reason;
    }
    EXPECT_EQ(readImage(out("z_good.png").string()).width, 9);
}

TEST_F(BatchExportTest, CancelStopsBetweenImagesAndReportsProgress) {
    for (int i = 0; i < 5; ++i)
        image("img" + std::to_string(i) + ".png", 8, 8);
    std::atomic<bool> cancel{false};
    std::vector<ExportProgress> reports;
    const ExportSummary s = run({}, cancel, [&](const ExportProgress &p) {
        reports.push_back(p);
        if (p.translated == 2)
            cancel = true;
    });
    EXPECT_TRUE(s.cancelled);
    EXPECT_EQ(s.progress.translated, 2);
    EXPECT_EQ(s.progress.total, 5);
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.front().currentFile, in("img0.png").string());
    EXPECT_TRUE(reports.back().currentFile.empty());
    EXPECT_GT(reports.back().imagesPerSecond, 0);
    EXPECT_FALSE(fs::exists(out("img2.png")));
}

TEST_F(BatchExportTest, ProgressEndsWithEveryFileCounted) {
    for (int i = 0; i < 3; ++i)
        image("img" + std::to_string(i) + ".png", 8, 8);
    ExportProgress last;
    run({}, false, [&](const ExportProgress &p) { last = p; });
    EXPECT_EQ(last.processed(), 3);
    EXPECT_EQ(last.total, 3);
    EXPECT_DOUBLE_EQ(last.etaSeconds, 0);
}

TEST_F(BatchExportTest, UnwritableOutputFolderIsAnIoErrorNamingIt) {
    image("a.png", 8, 8);
    std::ofstream(m_dir / "file") << "x";
    BatchExportOptions o;
    o.outputDir = (m_dir / "file" / "out").string();
    try {
        run(o);
        FAIL() << "no error";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find(o.outputDir), std::string::npos) << e.what();
    }
}

TEST_F(BatchExportTest, TranslateFailureIsRecordedPerFile) {
    image("a.png", 8, 8);
    image("b.png", 9, 9);
    BatchExportOptions o;
    o.inputs = {(m_dir / "in").string()};
    o.outputDir = (m_dir / "out").string();
    BatchExporter exporter(o, [](const Image &img, const std::atomic<bool> &) -> Image {
        if (img.width == 8)
            throw DeviceError("out of memory");
        return img;
    });
    const ExportSummary s = exporter.run(false);
    ASSERT_EQ(s.failures.size(), 1u);
    EXPECT_EQ(s.failures[0].path, in("a.png").string());
    EXPECT_EQ(s.failures[0].reason, "out of memory");
    EXPECT_TRUE(fs::exists(out("b.png")));
}

TEST_F(BatchExportTest, ValidatesOptions) {
    BatchExportOptions o;
    o.inputs = {"x"};
    o.outputDir = "y";
    EXPECT_NO_THROW(o.validate());
    o.format = "gif";
    EXPECT_THROW(o.validate(), ConfigError);
    o.format = "WEBP";
    o.quality = 0;
    EXPECT_THROW(o.validate(), ConfigError);
    o.quality = 80;
    o.outputDir.clear();
    EXPECT_THROW(o.validate(), ConfigError);
}

} // namespace
} // namespace cgs

namespace cgs {
namespace {

// The 12-06 walk: exporting again into the same folder with a different model reported
// "0 written, 28 skipped", keeping the other model's results as if they were this one's.
TEST_F(BatchExportTest, AnOutputOfAnotherModelIsNotSkippedAsDone) {
    image("a.png", 12, 8);
    image("b.png", 12, 8);
    BatchExportOptions o;
    o.producer = "runs/h2z/checkpoints/latest [latest, iteration 8] AtoB";
    ExportSummary s = run(o);
    ASSERT_EQ(s.progress.translated, 2);
    EXPECT_TRUE(fs::exists(out(".cyclegan-export.json")));
    s = run(o); // the same model again: its own outputs are done
    EXPECT_EQ(s.progress.skipped, 2);
    EXPECT_EQ(s.progress.failed, 0);
    const std::string before = readBytes(out("a.png"));
    BatchExportOptions other = o;
    other.producer = "runs/h2z/checkpoints/latest [latest, iteration 8] BtoA";
    s = run(other);
    EXPECT_EQ(s.progress.skipped, 0);
    EXPECT_EQ(s.progress.failed, 2);
    ASSERT_EQ(s.failures.size(), 2u);
    EXPECT_NE(s.failures[0].reason.find("exists, made by another model (" + o.producer + ")"),
              std::string::npos)
        << s.failures[0].reason;
    EXPECT_EQ(readBytes(out("a.png")), before); // kept
    other.overwrite = true;
    s = run(other);
    EXPECT_EQ(s.progress.translated, 2);
    other.overwrite = false;
    EXPECT_EQ(run(other).progress.skipped, 2); // now recorded as the other model's
    // Outputs nobody recorded (an earlier build, another tool) are skipped as before.
    fs::remove(out(".cyclegan-export.json"));
    EXPECT_EQ(run(o).progress.skipped, 2);
}

} // namespace
} // namespace cgs
