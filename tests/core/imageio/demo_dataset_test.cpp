// Checks the embedded demo dataset (resources/demo/monet2photo) through the same code a
// training run uses: scan, decode, FolderSource.
#include "core/imageio/folder_source.h"

#include "core/imageio/dataset_scan.h"
#include "core/imageio/image_codec.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace cgs {
namespace {

std::string demoRoot() {
    return test::sourceDir() + "/resources/demo/monet2photo";
}

TEST(DemoDataset, HasTheDocumentedSplitsOf128PixelRgbImages) {
    const std::pair<const char *, std::size_t> splits[] = {
        {"trainA", 30}, {"trainB", 30}, {"testA", 8}, {"testB", 8}};
    for (const auto &[split, count] : splits) {
        const auto files = requireImageFiles(demoRoot() + "/" + split);
        EXPECT_EQ(files.size(), count) << split;
        for (const std::string &file : files) {
            const Image img = readImage(file);
            EXPECT_EQ(img.width, 128) << file;
            EXPECT_EQ(img.height, 128) << file;
            EXPECT_EQ(img.channels, 3) << file;
        }
    }
    EXPECT_TRUE(std::filesystem::exists(demoRoot() + "/SOURCE.md"));
}

TEST(DemoDataset, StaysSmall) {
    std::uintmax_t bytes = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(demoRoot()))
        if (entry.is_regular_file())
            bytes += entry.file_size();
    EXPECT_LT(bytes, 600u * 1024u);
}

TEST(DemoDataset, TrainsThroughFolderSource) {
    TrainOptions options;
    options.dataroot = demoRoot();
    options.loadSize = 143;
    options.cropSize = 128;
    options.numThreads = 2;
    FolderSource source(options);
    EXPECT_EQ(source.size(), 30);
    source.setSeed(1);
    const TrainingPair p = source.pair(1, 0);
    EXPECT_EQ(p.a.width, 128);
    EXPECT_EQ(p.b.height, 128);
}

} // namespace
} // namespace cgs
