#include "core/imageio/dataset_scan.h"

#include "core/engine/error.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <functional>

namespace cgs {
namespace {

using test::TempDir;

std::string datasetError(const std::function<void()> &f) {
    try {
        f();
    } catch (const DatasetError &e) {
        return e.what();
    }
    ADD_FAILURE() << "no DatasetError thrown";
    return {};
}

TEST(DatasetScan, ListsImagesInByteOrder) {
    TempDir dir;
    for (const char *name :
         {"b.jpg", "B.png", "a.JPEG", "_x.webp", "notes.txt", ".hidden.jpg", "c.tiff", "sub/d.png"})
        test::writeFile(dir.file(name), "x");
    const auto files = listImageFiles(dir.path());
    const std::vector<std::string> expected{dir.file("B.png"), dir.file("_x.webp"),
                                            dir.file("a.JPEG"), dir.file("b.jpg"),
                                            dir.file("c.tiff")};
    EXPECT_EQ(files, expected);
}

TEST(DatasetScan, RecursionIncludesSubfoldersButNotHiddenOnes) {
    TempDir dir;
    for (const char *name : {"a.jpg", "sub/b.png", "sub/deeper/c.bmp", ".git/d.png"})
        test::writeFile(dir.file(name), "x");
    const auto files = listImageFiles(dir.path() + "/", Recursion::IncludeSubfolders);
    const std::vector<std::string> expected{dir.file("a.jpg"), dir.file("sub/b.png"),
                                            dir.file("sub/deeper/c.bmp")};
    EXPECT_EQ(files, expected);
}

TEST(DatasetScan, MissingFolderIsNamed) {
    TempDir dir;
    EXPECT_EQ(datasetError([&] { listImageFiles(dir.file("trainA")); }),
              "Folder '" + dir.file("trainA") + "' does not exist");
}

TEST(DatasetScan, FileInsteadOfFolderIsNamed) {
    TempDir dir;
    test::writeFile(dir.file("trainA"), "x");
    EXPECT_EQ(datasetError([&] { listImageFiles(dir.file("trainA")); }),
              "'" + dir.file("trainA") + "' is not a folder");
}

TEST(DatasetScan, FolderWithoutImagesSaysWhatWasLookedFor) {
    TempDir dir;
    test::writeFile(dir.file("readme.txt"), "x");
    EXPECT_TRUE(listImageFiles(dir.path()).empty());
    EXPECT_EQ(datasetError([&] { requireImageFiles(dir.path()); }),
              "Folder '" + dir.path() +
                  "' has no images (looked for jpg, jpeg, png, bmp, tif, tiff, webp)");
}

TEST(DatasetScan, DomainFolderFollowsPhaseOrExplicitDirs) {
    TrainOptions o;
    o.dataroot = "/data/horse2zebra";
    EXPECT_EQ(domainFolder(o, Domain::A), "/data/horse2zebra/trainA");
    o.phase = "test";
    o.dataroot += "/";
    EXPECT_EQ(domainFolder(o, Domain::B), "/data/horse2zebra/testB");
    o.dirB = "/elsewhere/zebras";
    EXPECT_EQ(domainFolder(o, Domain::B), "/elsewhere/zebras");
    EXPECT_EQ(domainFolder(o, Domain::A), "/data/horse2zebra/testA");
}

TEST(DatasetScan, ScanDomainCapsAtMaxDatasetSize) {
    TempDir dir;
    // Only the signature matters to the scan (the decoder reads the rest).
    for (const char *name : {"trainA/3.jpg", "trainA/1.jpg", "trainA/2.jpg"})
        test::writeFile(dir.file(name), "\xFF\xD8\xFF\xE0");
    test::writeFile(dir.file("trainB/x.png"), "\x89PNG\r\n\x1a\n");
    TrainOptions o;
    o.dataroot = dir.path();
    EXPECT_EQ(scanDomain(o, Domain::A).size(), 3u);
    o.maxDatasetSize = 2;
    const std::vector<std::string> expected{dir.file("trainA/1.jpg"), dir.file("trainA/2.jpg")};
    EXPECT_EQ(scanDomain(o, Domain::A), expected);
    EXPECT_EQ(scanDomain(o, Domain::B).size(), 1u);
}

// Files that are no images are left out before counting (the steps per epoch count images
// that can be trained on), each named with the cause; a domain with none left is refused.
TEST(DatasetScan, ScanDomainLeavesOutFilesThatAreNoImages) {
    TempDir dir;
    test::writeFile(dir.file("trainA/1.jpg"), "\xFF\xD8\xFF\xE0");
    test::writeFile(dir.file("trainA/2.jpg"), "<!DOCTYPE html><html></html>");
    test::writeFile(dir.file("trainA/3.png"), "");
    test::writeFile(dir.file("trainB/x.png"), "PK\x03\x04zip");
    TrainOptions o;
    o.dataroot = dir.path();
    o.maxDatasetSize = 1; // counts the images that are left
    std::vector<std::string> leftOut;
    EXPECT_EQ(scanDomain(o, Domain::A, &leftOut), std::vector<std::string>{dir.file("trainA/1.jpg")});
    ASSERT_EQ(leftOut.size(), 2u);
    EXPECT_EQ(leftOut[0], "Cannot read image '" + dir.file("trainA/2.jpg") +
                              "': not an image in a supported format (JPEG, PNG, BMP, TIFF, "
                              "WebP): unknown content (left out of the dataset)");
    EXPECT_EQ(leftOut[1], "Cannot read image '" + dir.file("trainA/3.png") +
                              "': file is empty (0 bytes) (left out of the dataset)");
    const std::string message = datasetError([&] { scanDomain(o, Domain::B); });
    EXPECT_NE(message.find("has no readable image: all 1 image files were refused"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("looks like ZIP archive"), std::string::npos) << message;
}

TEST(DatasetScan, KoreanAndSpacedNamesAreListed) {
    TempDir dir;
    test::writeFile(dir.file("모네 그림/수련 1.jpg"), "x");
    const auto files = listImageFiles(dir.file("모네 그림"));
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0], dir.file("모네 그림/수련 1.jpg"));
}

} // namespace
} // namespace cgs
