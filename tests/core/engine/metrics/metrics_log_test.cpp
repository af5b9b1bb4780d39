#include "core/engine/metrics/metrics_log.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"
#include "core/engine/metrics/feature_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cgs {
namespace {

class MetricsLogTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("cgs_metrics_log_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    std::filesystem::path m_dir;
};

MetricsRow row(const std::string &tag, int epoch, const std::string &direction, double fid) {
    MetricsRow r;
    r.checkpoint = tag;
    r.epoch = epoch;
    r.iteration = epoch * 100;
    r.direction = direction;
    r.images = 60;
    r.referenceImages = 59;
    r.skipped = 1;
    r.fid = fid;
    r.swd = fid / 10;
    r.inceptionWeights = "0123456789abcdef";
    r.time = MetricsLog::utcNow();
    return r;
}

TEST_F(MetricsLogTest, RoundTripKeepsValuesAndEmptyCells) {
    MetricsLog log(m_dir.string());
    EXPECT_TRUE(log.read().empty());
    log.append({row("epoch_0005", 5, "AtoB", 123.25), row("epoch_0005", 5, "BtoA", 98.5)});
    const std::vector<MetricsRow> rows = log.read();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].checkpoint, "epoch_0005");
    EXPECT_EQ(rows[0].epoch, 5);
    EXPECT_EQ(rows[0].iteration, 500);
    EXPECT_EQ(rows[0].direction, "AtoB");
    EXPECT_EQ(rows[0].referenceImages, 59);
    EXPECT_EQ(rows[0].skipped, 1);
    EXPECT_DOUBLE_EQ(rows[0].fid, 123.25);
    EXPECT_TRUE(std::isnan(rows[0].kid)); // not computed: an empty cell
    EXPECT_DOUBLE_EQ(rows[1].swd, 9.85);
    EXPECT_EQ(rows[1].inceptionWeights, "0123456789abcdef");
    std::ifstream in(log.path());
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header, MetricsLog::header());
}

TEST_F(MetricsLogTest, LaterRowsReplaceEarlierOnesAndPartialLinesAreIgnored) {
    MetricsLog log(m_dir.string());
    log.append({row("epoch_0010", 10, "AtoB", 50), row("epoch_0005", 5, "AtoB", 80)});
    log.append({row("epoch_0010", 10, "AtoB", 40)});
    appendLine(log.path(), "epoch_0015,15,1500,AtoB,60,60,0,3"); // complete
    { std::ofstream(log.path(), std::ios::app) << "epoch_0020,20,2000,At"; } // being written
    const std::vector<MetricsRow> latest = MetricsLog::latestRows(log.read());
    ASSERT_EQ(latest.size(), 3u);
    EXPECT_EQ(latest[0].checkpoint, "epoch_0005");
    EXPECT_EQ(latest[1].checkpoint, "epoch_0010");
    EXPECT_DOUBLE_EQ(latest[1].fid, 40);
    EXPECT_EQ(latest[2].checkpoint, "epoch_0015");
}

TEST_F(MetricsLogTest, ColumnsAreFoundByName) {
    std::ofstream(m_dir / MetricsLog::kFileName) << "direction,fid,checkpoint,future_column\n"
                                                    "BtoA,7.5,latest,x\n";
    const std::vector<MetricsRow> rows = MetricsLog(m_dir.string()).read();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].checkpoint, "latest");
    EXPECT_DOUBLE_EQ(rows[0].fid, 7.5);
    std::ofstream(m_dir / MetricsLog::kFileName) << "iteration,D_A\n1,2\n";
    EXPECT_THROW(MetricsLog(m_dir.string()).read(), CheckpointError);
}

TEST_F(MetricsLogTest, FeatureCacheRoundTripAndDamagedEntries) {
    FeatureCache cache((m_dir / "cache").string());
    EXPECT_FALSE(cache.load("key").has_value());
    CachedFeatures entry{{2, 3, {1, 2, 3, 4, 5, 6}}, 1};
    cache.store("key", entry);
    const auto loaded = cache.load("key");
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->features.rows, 2);
    EXPECT_EQ(loaded->features.values, entry.features.values);
    EXPECT_EQ(loaded->skipped, 1);
    std::filesystem::resize_file(m_dir / "cache" / "key.features", 30);
    EXPECT_FALSE(cache.load("key").has_value());
}

} // namespace
} // namespace cgs
