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
    for (const char *name : {"trainA/3.jpg", "trainA/1.jpg", "trainA/2.jpg", "trainB/x.png"})
        test::writeFile(dir.file(name), "x");
    TrainOptions o;
    o.dataroot = dir.path();
    EXPECT_EQ(scanDomain(o, Domain::A).size(), 3u);
    o.maxDatasetSize = 2;
    const std::vector<std::string> expected{dir.file("trainA/1.jpg"), dir.file("trainA/2.jpg")};
    EXPECT_EQ(scanDomain(o, Domain::A), expected);
    EXPECT_EQ(scanDomain(o, Domain::B).size(), 1u);
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
