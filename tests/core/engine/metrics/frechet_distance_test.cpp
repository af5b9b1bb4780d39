#include "core/engine/metrics/frechet_distance.h"

#include "core/engine/error.h"
#include "tests/core/engine/metrics/metrics_fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace cgs {
namespace {

nlohmann::json reference() {
    std::ifstream in(test::metricsFixtureDir() + "/fid_kid_reference.json");
    return nlohmann::json::parse(in);
}

class FrechetDistanceTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_a = new FeatureMatrix(test::formulaFeatures('a', 2100));
        s_b = new FeatureMatrix(test::formulaFeatures('b', 2100));
    }
    static void TearDownTestSuite() {
        delete s_a;
        delete s_b;
    }
    static FeatureMatrix *s_a, *s_b;
};
FeatureMatrix *FrechetDistanceTest::s_a = nullptr;
FeatureMatrix *FrechetDistanceTest::s_b = nullptr;

TEST_F(FrechetDistanceTest, MatchesPytorchFidWithMoreImagesThanFeatures) {
    const double expected = reference()["fid"].get<double>();
    const double ours = frechetDistance(*s_a, *s_b);
    EXPECT_NEAR(ours, expected, 1e-3 * expected);
    std::printf("2100 x 2048: ours %.12g, pytorch-fid %.12g, relative difference %.3g\n", ours,
                expected, std::abs(ours / expected - 1));
}

TEST_F(FrechetDistanceTest, MatchesPytorchFidOnSingularCovariances) {
    const double expected = reference()["fid_singular"].get<double>();
    const double ours = frechetDistance(test::firstRows(*s_a, 200), test::firstRows(*s_b, 200));
    EXPECT_NEAR(ours, expected, 1e-3 * expected);
    std::printf("singular (200 x 2048): ours %.9g, pytorch-fid %.9g, relative difference %.3g\n",
                ours, expected, std::abs(ours / expected - 1));
}

// Both ways of computing the trace: fewer rows than columns (rows), more (covariances).
TEST_F(FrechetDistanceTest, IsZeroForASetAgainstItself) {
    EXPECT_NEAR(frechetDistance(test::firstRows(*s_a, 300), test::firstRows(*s_a, 300)), 0.0, 1e-6);
    const FeatureMatrix narrow = test::formulaFeatures('a', 500, 64);
    EXPECT_NEAR(frechetDistance(narrow, narrow), 0.0, 1e-6);
}

TEST_F(FrechetDistanceTest, IsSymmetric) {
    const FeatureMatrix a = test::firstRows(*s_a, 300), b = test::firstRows(*s_b, 300);
    const double ab = frechetDistance(a, b), ba = frechetDistance(b, a);
    EXPECT_GT(ab, 1.0);
    EXPECT_NEAR(ab, ba, 1e-9 * ab);
    const FeatureMatrix c = test::formulaFeatures('a', 500, 64), d = test::formulaFeatures('b', 400, 64);
    const double cd = frechetDistance(c, d), dc = frechetDistance(d, c);
    EXPECT_GT(cd, 0.1);
    EXPECT_NEAR(cd, dc, 1e-9 * cd);
}

TEST_F(FrechetDistanceTest, BothWaysAgreeNearTheSwitch) {
    // 64 columns: 64 rows go through the rows, 65 through the covariances; adding one row
    // changes the value only a little.
    const FeatureMatrix a = test::formulaFeatures('a', 65, 64), b = test::formulaFeatures('b', 65, 64);
    const double viaCovariances = frechetDistance(a, b);
    const double viaRows = frechetDistance(test::firstRows(a, 64), test::firstRows(b, 64));
    EXPECT_NEAR(viaRows, viaCovariances, 0.05 * viaCovariances);
}

TEST(FrechetDistance, GrowsWithAShiftOfTheMean) {
    FeatureMatrix a = test::formulaFeatures('a', 50, 8);
    FeatureMatrix shifted = a;
    for (float &v : shifted.values)
        v += 0.5f;
    // Same covariance: FID = |mu1 - mu2|^2 = 8 * 0.25.
    EXPECT_NEAR(frechetDistance(a, shifted), 2.0, 1e-4);
}

TEST(FrechetDistance, RefusesMismatchedSets) {
    EXPECT_THROW(frechetDistance(test::formulaFeatures('a', 10, 8), test::formulaFeatures('b', 10, 4)),
                 ConfigError);
    EXPECT_THROW(frechetDistance(test::formulaFeatures('a', 1, 8), test::formulaFeatures('b', 10, 8)),
                 ConfigError);
}

} // namespace
} // namespace cgs
