#include "core/imageio/image_codec.h"

#include "core/engine/error.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <csignal>
#include <functional>
#include <sys/resource.h>

namespace cgs {
namespace {

using test::TempDir;

std::string writeError(const std::function<void()> &write) {
    try {
        write();
    } catch (const IoError &e) {
        return e.what();
    }
    ADD_FAILURE() << "no IoError thrown";
    return {};
}

bool hasPartFiles(const std::string &folder) {
    for (const std::string &name : test::filesIn(folder))
        if (name.find(".part-") != std::string::npos)
            return true;
    return false;
}

// Limits the size of files this process may write, as a full disk would, for one scope.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // write() then fails with EFBIG
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
};

Image noiseImage(int size) {
    Image img(size, size, 3);
    std::uint32_t state = 12345;
    for (auto &byte : img.data) {
        state = state * 1664525u + 1013904223u;
        byte = static_cast<std::uint8_t>(state >> 24);
    }
    return img;
}

TEST(ImageCodecWrite, FormatFollowsTheExtension) {
    TempDir dir;
    const Image img = test::patternImage(16, 8, 3);
    for (const char *name : {"a.png", "b.jpg", "c.JPEG", "d.webp"}) {
        writeImage(dir.file(name), img, WriteOptions{90});
        const Image back = readImage(dir.file(name));
        EXPECT_EQ(back.width, 16) << name;
        EXPECT_EQ(back.height, 8) << name;
    }
    EXPECT_EQ(test::readFile(dir.file("a.png")).substr(1, 3), "PNG");
    EXPECT_EQ(test::readFile(dir.file("b.jpg")).substr(0, 2), "\xFF\xD8");
    EXPECT_EQ(test::readFile(dir.file("c.JPEG")).substr(0, 2), "\xFF\xD8");
    EXPECT_EQ(test::readFile(dir.file("d.webp")).substr(8, 4), "WEBP");
    EXPECT_FALSE(hasPartFiles(dir.path()));
}

TEST(ImageCodecWrite, QualityChangesJpegSize) {
    TempDir dir;
    const Image img = noiseImage(64);
    writeImage(dir.file("low.jpg"), img, WriteOptions{10});
    writeImage(dir.file("high.jpg"), img, WriteOptions{95});
    EXPECT_LT(test::readFile(dir.file("low.jpg")).size(),
              test::readFile(dir.file("high.jpg")).size());
}

TEST(ImageCodecWrite, JpegDropsAlpha) {
    TempDir dir;
    writeImage(dir.file("rgba.jpg"), test::patternImage(8, 8, 4));
    EXPECT_EQ(readImage(dir.file("rgba.jpg"), ReadOptions{Alpha::Keep}).channels, 3);
}

TEST(ImageCodecWrite, UnknownExtensionIsAnIoError) {
    TempDir dir;
    const std::string message =
        writeError([&] { writeImage(dir.file("x.gif"), test::patternImage(2, 2, 3)); });
    EXPECT_EQ(message, "Cannot write image '" + dir.file("x.gif") +
                           "': unsupported format '.gif' (use .png, .jpg, .jpeg or .webp)");
    const std::string bare =
        writeError([&] { writeImage(dir.file("noext"), test::patternImage(2, 2, 3)); });
    EXPECT_NE(bare.find("no file extension"), std::string::npos) << bare;
    EXPECT_TRUE(test::filesIn(dir.path()).empty());
}

TEST(ImageCodecWrite, EmptyImageIsAnIoError) {
    TempDir dir;
    const std::string message = writeError([&] { writeImage(dir.file("x.png"), Image{}); });
    EXPECT_NE(message.find("the image is empty"), std::string::npos) << message;
}

TEST(ImageCodecWrite, MissingFolderNamesPathAndCause) {
    TempDir dir;
    const std::string path = dir.file("no/such/folder/x.png");
    const std::string message = writeError([&] { writeImage(path, test::patternImage(2, 2, 3)); });
    EXPECT_EQ(message, "Cannot write image '" + path + "': No such file or directory");
}

TEST(ImageCodecWrite, UnwritableFolderNamesPathAndCause) {
    // Tests may run as root, for whom permission bits do not stop writes; a "folder" that is
    // a regular file stops everyone.
    TempDir dir;
    test::writeFile(dir.file("plain-file"), "x");
    const std::string path = dir.file("plain-file/x.png");
    const std::string message = writeError([&] { writeImage(path, test::patternImage(2, 2, 3)); });
    EXPECT_EQ(message, "Cannot write image '" + path + "': Not a directory");
}

TEST(ImageCodecWrite, FailedWriteLeavesExistingFileUntouched) {
    TempDir dir;
    const std::string path = dir.file("keep.png");
    writeImage(path, test::patternImage(4, 4, 3));
    const std::string before = test::readFile(path);
    std::string message;
    {
        FileSizeLimit full(4096); // the new file would be ~200 kB: the "disk" fills up
        message = writeError([&] { writeImage(path, noiseImage(256)); });
    }
    EXPECT_NE(message.find("'" + path + "'"), std::string::npos) << message;
    EXPECT_NE(message.find("File too large"), std::string::npos) << message;
    EXPECT_EQ(test::readFile(path), before);
    EXPECT_FALSE(hasPartFiles(dir.path()));
}

TEST(ImageCodecWrite, OverwriteReplacesTheWholeFile) {
    TempDir dir;
    const std::string path = dir.file("over.png");
    writeImage(path, noiseImage(64));
    writeImage(path, test::patternImage(3, 3, 3));
    EXPECT_EQ(readImage(path).data, test::patternImage(3, 3, 3).data);
    EXPECT_EQ(test::filesIn(dir.path()).size(), 1u);
}

} // namespace
} // namespace cgs
