#include "core/imageio/folder_source.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/mat_image.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <mutex>
#include <set>
#include <thread>

namespace cgs {
namespace {

Image noise(int w, int h, std::uint32_t seed) {
    Image img(w, h, 3);
    for (auto &byte : img.data) {
        seed = seed * 1664525u + 1013904223u;
        byte = static_cast<std::uint8_t>(seed >> 24);
    }
    return img;
}

// trainA: a0..a4.png, trainB: b0..b2.png, every image different noise of 40x30.
class FolderSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        makeFolder("trainA");
        makeFolder("trainB");
        // cv::imwrite rather than writeImage: no fsync, so the fixture is quick to make.
        for (int i = 0; i < 5; ++i)
            cv::imwrite(a(i), imageToMat(noise(40, 30, i + 1)));
        for (int i = 0; i < 3; ++i)
            cv::imwrite(b(i), imageToMat(noise(40, 30, i + 100)));
    }
    void makeFolder(const std::string &name) { test::writeFile(m_dir.file(name + "/.keep"), ""); }

    TrainOptions options(int threads, bool serial = false) const {
        TrainOptions o;
        o.dataroot = m_dir.path();
        o.loadSize = 36;
        o.cropSize = 32;
        o.numThreads = threads;
        o.serialBatches = serial;
        return o;
    }
    std::string a(int i) const { return m_dir.file("trainA/a" + std::to_string(i) + ".png"); }
    std::string b(int i) const { return m_dir.file("trainB/b" + std::to_string(i) + ".png"); }

    test::TempDir m_dir;
};

bool samePair(const TrainingPair &x, const TrainingPair &y) {
    return x.a.data == y.a.data && x.b.data == y.b.data && x.pathA == y.pathA && x.pathB == y.pathB;
}

TEST_F(FolderSourceTest, SizesFollowTheLargerDomain) {
    FolderSource source(options(0));
    EXPECT_EQ(source.size(), 5);
    EXPECT_EQ(source.sizeA(), 5);
    EXPECT_EQ(source.sizeB(), 3);
    const TrainingPair p = source.pair(1, 0);
    EXPECT_EQ(p.a.width, 32);
    EXPECT_EQ(p.a.height, 32);
    EXPECT_EQ(p.a.channels, 3);
    EXPECT_EQ(p.b.width, 32);
    TrainOptions capped = options(0);
    capped.maxDatasetSize = 2;
    FolderSource small(capped);
    EXPECT_EQ(small.size(), 2);
    EXPECT_EQ(small.filesA(), (std::vector<std::string>{a(0), a(1)}));
}

TEST_F(FolderSourceTest, PairIsDeterministic) {
    FolderSource reference(options(0));
    reference.setSeed(7);
    std::vector<TrainingPair> expected;
    for (int i = 0; i < 5; ++i)
        expected.push_back(reference.pair(2, i));
    for (int threads : {1, 2, 4}) {
        FolderSource source(options(threads));
        source.setSeed(7);
        for (int i : {4, 0, 3, 1, 2, 3, 4}) { // out of order, repeated, after other calls
            source.pair(1, (i + 2) % 5);
            EXPECT_TRUE(samePair(source.pair(2, i), expected[i])) << threads << " threads, " << i;
        }
    }
}

TEST_F(FolderSourceTest, SeedAndEpochChangeTheExamples) {
    FolderSource source(options(2));
    source.setSeed(1);
    const TrainingPair first = source.pair(1, 0);
    source.setSeed(2);
    bool anyDifferent = false;
    for (int i = 0; i < 5; ++i)
        anyDifferent |= !samePair(source.pair(1, i), first);
    EXPECT_TRUE(anyDifferent);
    source.setSeed(1);
    EXPECT_TRUE(samePair(source.pair(1, 0), first));
}

TEST_F(FolderSourceTest, EachEpochVisitsEveryAImageOnceInShuffledOrder) {
    FolderSource source(options(2));
    source.setSeed(3);
    std::set<std::vector<std::string>> orders;
    for (int epoch = 1; epoch <= 6; ++epoch) {
        std::vector<std::string> order;
        for (int i = 0; i < 5; ++i)
            order.push_back(source.pair(epoch, i).pathA);
        EXPECT_EQ(std::set<std::string>(order.begin(), order.end()).size(), 5u);
        orders.insert(order);
    }
    EXPECT_GT(orders.size(), 1u); // 6 epochs with one order each would be 1 in 120^5
}

TEST_F(FolderSourceTest, SerialBatchesTakesBothDomainsInOrder) {
    FolderSource source(options(2, true));
    for (int i = 0; i < 5; ++i) {
        const TrainingPair p = source.pair(3, i);
        EXPECT_EQ(p.pathA, a(i));
        EXPECT_EQ(p.pathB, b(i % 3));
    }
}

TEST_F(FolderSourceTest, RandomBDiffersFromSerialB) {
    FolderSource source(options(0));
    source.setSeed(11);
    int notSerial = 0;
    std::set<std::string> seen;
    for (int epoch = 1; epoch <= 4; ++epoch)
        for (int i = 0; i < 5; ++i) {
            const std::string pathB = source.pair(epoch, i).pathB;
            notSerial += pathB != b(i % 3);
            seen.insert(pathB);
        }
    EXPECT_GT(notSerial, 0);
    EXPECT_EQ(seen.size(), 3u);
}

// A file that looks like an image but cannot be decoded (its header is damaged) is found out
// only when it is read: the next readable file stands in, with one warning.
TEST_F(FolderSourceTest, UnreadableFileIsSkippedWithOneWarning) {
    test::writeFile(a(1), std::string("\x89PNG\r\n\x1a\n") + "this is not a PNG");
    FolderSource source(options(2, true));
    std::mutex mutex;
    std::vector<std::string> warnings;
    source.setWarningHandler([&](const std::string &m) {
        std::lock_guard<std::mutex> lock(mutex);
        warnings.push_back(m);
    });
    for (int epoch = 1; epoch <= 3; ++epoch)
        for (int i = 0; i < 5; ++i) {
            const TrainingPair p = source.pair(epoch, i);
            EXPECT_NE(p.pathA, a(1));
            if (i == 1) {
                EXPECT_EQ(p.pathA, a(2)); // the next readable file stands in
            }
        }
    std::lock_guard<std::mutex> lock(mutex);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("'" + a(1) + "'"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("damaged PNG header"), std::string::npos) << warnings[0];
}

// A file that is no image at all is left out when the folders are scanned: it is not counted
// in the dataset's size (nor in the steps per epoch), and the first warning handler hears of it.
TEST_F(FolderSourceTest, FileThatIsNoImageIsLeftOutOfTheCount) {
    test::writeFile(a(1), "this is not a PNG");
    FolderSource source(options(2, true));
    EXPECT_EQ(source.sizeA(), 4);
    EXPECT_EQ(std::count(source.filesA().begin(), source.filesA().end(), a(1)), 0);
    ASSERT_EQ(source.leftOut().size(), 1u);
    std::vector<std::string> warnings;
    source.setWarningHandler([&](const std::string &m) { warnings.push_back(m); });
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("'" + a(1) + "': not an image"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("left out of the dataset"), std::string::npos) << warnings[0];
}

// The 132-byte file that made OpenCV's DICOM reader abort the process is skipped like
// any unreadable file, with a warning naming it and what it looks like.
TEST_F(FolderSourceTest, DicomFileNamedPngIsSkippedNamingTheFormat) {
    test::writeFile(a(2), std::string(128, '\0') + "DICM");
    FolderSource source(options(2, true));
    std::vector<std::string> warnings;
    std::mutex mutex;
    source.setWarningHandler([&](const std::string &m) {
        std::lock_guard<std::mutex> lock(mutex);
        warnings.push_back(m);
    });
    EXPECT_EQ(source.size(), 4); // left out when scanned
    for (int i = 0; i < source.size(); ++i)
        EXPECT_NE(source.pair(1, i).pathA, a(2));
    std::lock_guard<std::mutex> lock(mutex);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("'" + a(2) + "': not an image in a supported format (JPEG, PNG, "
                               "BMP, TIFF, WebP): looks like DICOM"),
              std::string::npos)
        << warnings[0];
}

TEST_F(FolderSourceTest, DomainWithNoReadableFileThrows) {
    for (int i = 0; i < 3; ++i) // damaged PNG headers: found out when decoded
        test::writeFile(b(i), "\x89PNG\r\n\x1a\n");
    FolderSource source(options(2));
    try {
        source.pair(1, 0);
        FAIL() << "no DatasetError";
    } catch (const DatasetError &e) {
        EXPECT_NE(std::string(e.what()).find("No image of domain B in '" + m_dir.file("trainB")),
                  std::string::npos)
            << e.what();
    }
    for (int i = 0; i < 3; ++i) // empty files: refused when scanned
        test::writeFile(b(i), "");
    try {
        FolderSource refused(options(2));
        FAIL() << "no DatasetError";
    } catch (const DatasetError &e) {
        EXPECT_NE(std::string(e.what()).find("'" + m_dir.file("trainB") + "' has no readable image"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(FolderSourceTest, PreviewPairIsFixedAndCentred) {
    FolderSource source(options(1));
    source.setSeed(5);
    const TrainingPair p = source.previewPair(1);
    EXPECT_EQ(p.pathA, a(1));
    EXPECT_EQ(p.pathB, b(1));
    EXPECT_EQ(p.a.width, 32);
    source.pair(1, 0);
    source.setSeed(6);
    EXPECT_TRUE(samePair(source.previewPair(1), p));
    EXPECT_EQ(source.previewPair(4).pathB, b(1));
    EXPECT_EQ(source.previewPair(-1).pathA, a(4));
}

TEST_F(FolderSourceTest, MissingFolderThrowsAtConstruction) {
    TrainOptions o = options(2);
    o.dirB = m_dir.file("zebras");
    EXPECT_THROW(FolderSource{o}, DatasetError);
    makeFolder("empty");
    o.dirB = m_dir.file("empty");
    EXPECT_THROW(FolderSource{o}, DatasetError);
}

TEST_F(FolderSourceTest, IndexOutsideTheEpochThrows) {
    FolderSource source(options(0));
    EXPECT_THROW(source.pair(1, 5), std::out_of_range);
    EXPECT_THROW(source.pair(1, -1), std::out_of_range);
    EXPECT_THROW(source.pair(0, 0), std::out_of_range);
}

TEST_F(FolderSourceTest, WorkersPrefetchTheNextExamples) {
    FolderSource source(options(2));
    source.pair(1, 0); // nothing prefetched yet: decoded in the caller
    for (int i = 1; i <= 5; ++i) {
        // A "training step" long enough for the workers (tiny images) even on a busy machine.
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        source.pair(1 + i / 5, i % 5); // the last one wraps into epoch 2
    }
    const FolderSource::PrefetchStats stats = source.prefetchStats();
    EXPECT_EQ(stats.hits + stats.misses, 6);
    EXPECT_GE(stats.hits, 4); // all 5 unless a worker was starved of CPU
    FolderSource inline0(options(0));
    inline0.pair(1, 0);
    inline0.pair(1, 1);
    EXPECT_EQ(inline0.prefetchStats().hits, 0);
}

TEST_F(FolderSourceTest, DestructorReturnsPromptlyWhilePrefetching) {
    const auto start = std::chrono::steady_clock::now();
    {
        FolderSource source(options(4));
        EXPECT_EQ(source.prefetchDepth(), 8);
        source.pair(1, 0);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

} // namespace
} // namespace cgs
