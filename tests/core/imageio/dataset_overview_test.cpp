// overviewDataset on folders made here: counts, sizes, thumbnails and each warning.
#include "core/imageio/dataset_overview.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

Image colourImage(int width, int height, bool grey = false)
{
    Image image(width, height, 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t *p = image.pixel(x, y);
            p[0] = std::uint8_t(x * 255 / width);
            p[1] = grey ? p[0] : std::uint8_t(y * 255 / height);
            p[2] = grey ? p[0] : 128;
        }
    return image;
}

class DatasetOverviewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_root = fs::temp_directory_path() / ("cgs_overview_" + std::to_string(std::random_device{}()));
        fs::create_directories(m_root / "horse2zebra" / "trainA");
        fs::create_directories(m_root / "horse2zebra" / "trainB");
        m_options.dataroot = (m_root / "horse2zebra").string();
    }
    void TearDown() override { fs::remove_all(m_root); }
    void write(const std::string &domain, const std::string &name, const Image &image) const
    {
        writeImage((m_root / "horse2zebra" / domain / name).string(), image);
    }
    void writeBytes(const std::string &domain, const std::string &name, const std::string &bytes) const
    {
        std::ofstream(m_root / "horse2zebra" / domain / name, std::ios::binary) << bytes;
    }
    bool hasWarning(const DatasetOverview &o, DatasetWarningKind kind, Domain domain) const
    {
        for (const auto &w : o.warnings)
            if (w.kind == kind && w.domain == domain)
                return true;
        return false;
    }

    fs::path m_root;
    TrainOptions m_options;
};

TEST_F(DatasetOverviewTest, CountsSizesAndThumbnailsOfACleanDataset) {
    for (int i = 0; i < 5; ++i)
        write("trainA", "a" + std::to_string(i) + ".png", colourImage(300, 260));
    for (int i = 0; i < 3; ++i)
        write("trainB", "b" + std::to_string(i) + ".jpg", colourImage(i == 0 ? 400 : 300, 300));
    OverviewLimits limits;
    limits.thumbnails = 4;
    limits.thumbnailSide = 32;
    const DatasetOverview o = overviewDataset(m_options, limits);
    EXPECT_TRUE(o.warnings.empty()) << o.warnings.front().message;
    EXPECT_EQ(o.a.imageCount, 5);
    EXPECT_EQ(o.b.imageCount, 3);
    EXPECT_EQ(o.a.name, "trainA");
    ASSERT_EQ(o.a.sizes.size(), 1u);
    EXPECT_EQ(o.a.sizes[0].width, 300);
    EXPECT_EQ(o.a.sizes[0].height, 260);
    EXPECT_EQ(o.a.sizes[0].count, 5);
    ASSERT_EQ(o.b.sizes.size(), 2u);
    EXPECT_EQ(o.b.sizes[0].count, 2); // most frequent first: 300x300
    EXPECT_EQ(o.b.sizes[0].width, 300);
    ASSERT_EQ(o.a.thumbnails.size(), 4u);
    EXPECT_EQ(o.a.thumbnails[0].width, 32);
    EXPECT_EQ(o.a.thumbnails[0].height, 27); // 260 * 32 / 300, aspect kept
    EXPECT_EQ(o.b.thumbnails.size(), 3u);
    EXPECT_EQ(domainNames(m_options), std::make_pair(std::string("horse"), std::string("zebra")));
}

TEST_F(DatasetOverviewTest, WarnsAboutUnreadableAndGrayscaleFiles) {
    write("trainA", "a0.png", colourImage(300, 300));
    write("trainA", "grey.png", colourImage(300, 300, true));
    writeBytes("trainA", "notes.jpg", "this is text, not a JPEG");
    write("trainB", "b0.png", colourImage(300, 300));
    const DatasetOverview o = overviewDataset(m_options);
    EXPECT_EQ(o.a.imageCount, 2); // notes.jpg is no image: not counted (as training does)
    ASSERT_EQ(o.a.unreadable.size(), 1u);
    EXPECT_NE(o.a.unreadable[0].find("notes.jpg"), std::string::npos);
    EXPECT_TRUE(hasWarning(o, DatasetWarningKind::Unreadable, Domain::A));
    EXPECT_EQ(o.a.grayscale, 1);
    EXPECT_TRUE(hasWarning(o, DatasetWarningKind::Grayscale, Domain::A));
    EXPECT_FALSE(hasWarning(o, DatasetWarningKind::Grayscale, Domain::B));
    for (const auto &w : o.warnings)
        if (w.kind == DatasetWarningKind::Grayscale)
            EXPECT_NE(w.message.find("grey.png"), std::string::npos) << w.message;
}

TEST_F(DatasetOverviewTest, WarnsWhenImagesAreSmallerThanTheCrop) {
    m_options.preprocess = Preprocess::Crop;
    m_options.cropSize = 256;
    write("trainA", "big.png", colourImage(300, 300));
    write("trainA", "small.png", colourImage(200, 150));
    write("trainB", "b0.png", colourImage(128, 128));
    write("trainB", "b1.png", colourImage(100, 128));
    const DatasetOverview o = overviewDataset(m_options);
    EXPECT_EQ(o.a.enlarged, 1);
    EXPECT_TRUE(hasWarning(o, DatasetWarningKind::SmallerThanCrop, Domain::A));
    EXPECT_FALSE(hasWarning(o, DatasetWarningKind::CropLargerThanImages, Domain::A));
    EXPECT_TRUE(hasWarning(o, DatasetWarningKind::CropLargerThanImages, Domain::B));
    // resize_and_crop scales to the load size first: nothing is enlarged below the crop (the
    // resize itself enlarges, which WarnsWhenTheResizeEnlargesTheImages covers).
    m_options.preprocess = Preprocess::ResizeAndCrop;
    for (const auto &w : overviewDataset(m_options).warnings)
        EXPECT_EQ(w.kind, DatasetWarningKind::Upscaled) << w.message;
}

TEST_F(DatasetOverviewTest, WarnsAboutMixedSizesWithoutPreprocessing) {
    m_options.preprocess = Preprocess::None;
    write("trainA", "a0.png", colourImage(300, 300));
    write("trainA", "a1.png", colourImage(320, 240));
    write("trainB", "b0.png", colourImage(300, 300));
    const DatasetOverview o = overviewDataset(m_options);
    EXPECT_TRUE(hasWarning(o, DatasetWarningKind::MixedSizes, Domain::A));
    EXPECT_FALSE(hasWarning(o, DatasetWarningKind::MixedSizes, Domain::B));
}

TEST_F(DatasetOverviewTest, AnEmptyOrMissingDomainIsAWarningNotAnError) {
    write("trainA", "a0.png", colourImage(300, 300));
    fs::remove_all(m_root / "horse2zebra" / "trainB");
    const DatasetOverview o = overviewDataset(m_options);
    EXPECT_EQ(o.a.imageCount, 1);
    EXPECT_EQ(o.b.imageCount, 0);
    ASSERT_TRUE(hasWarning(o, DatasetWarningKind::EmptyDomain, Domain::B));
    EXPECT_NE(o.warnings.back().message.find("trainB"), std::string::npos) << o.warnings.back().message;
}

TEST_F(DatasetOverviewTest, StopsWhenCancelled) {
    write("trainA", "a0.png", colourImage(300, 300));
    write("trainB", "b0.png", colourImage(300, 300));
    const std::atomic<bool> cancel{true};
    EXPECT_THROW(overviewDataset(m_options, {}, &cancel), Cancelled);
}

TEST(DomainNames, ComeFromTheFoldersOrTheDatasetName) {
    TrainOptions o;
    o.dataroot = "/data/maps";
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("A"), std::string("B")));
    o.dataroot = "/data/summer2winter_yosemite/";
    // The official datasets' suffix names the collection, not the domain.
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("summer"), std::string("winter")));
    o.dataroot = "/data/iphone2dslr_flower";
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("iphone"), std::string("dslr")));
    o.dataroot = "/data/monet2photo_kaggle";
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("monet"), std::string("photo")));
    o.dataroot = "/data/day2_";
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("A"), std::string("B")));
    o.dirA = "/pics/cats";
    o.dirB = "/pics/dogs";
    EXPECT_EQ(domainNames(o), std::make_pair(std::string("cats"), std::string("dogs")));
}

} // namespace
} // namespace cgs

namespace cgs {
namespace {

// The 12-06 walk: the preprocessing enlarged 128 px images to the load size before cropping
// and nothing said so, although the README promised a warning.
TEST_F(DatasetOverviewTest, WarnsWhenTheResizeEnlargesTheImages) {
    write("trainA", "a0.png", colourImage(128, 128));
    write("trainB", "b0.png", colourImage(300, 300));
    m_options.preprocess = Preprocess::ResizeAndCrop;
    m_options.loadSize = 286;
    m_options.cropSize = 256;
    DatasetOverview o = overviewDataset(m_options);
    ASSERT_TRUE(hasWarning(o, DatasetWarningKind::Upscaled, Domain::A));
    EXPECT_FALSE(hasWarning(o, DatasetWarningKind::Upscaled, Domain::B)); // 300 -> 286
    for (const auto &w : o.warnings)
        if (w.kind == DatasetWarningKind::Upscaled) {
            EXPECT_NE(w.message.find("a0.png (128x128 -> 286x286, 2.2x)"), std::string::npos)
                << w.message;
            EXPECT_NE(w.message.find("near the images' size (128)"), std::string::npos);
        }
    m_options.loadSize = 143; // the official 286/256 ratio at this size: no blow-up
    m_options.cropSize = 128;
    o = overviewDataset(m_options);
    EXPECT_FALSE(hasWarning(o, DatasetWarningKind::Upscaled, Domain::A));
}

} // namespace
} // namespace cgs
