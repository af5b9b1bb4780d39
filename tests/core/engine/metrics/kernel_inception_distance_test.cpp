#include "core/engine/metrics/kernel_inception_distance.h"

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

TEST(KernelInceptionDistance, MatchesTorchFidelityOnTheSameSubsets) {
    const FeatureMatrix a = test::formulaFeatures('a', 2100), b = test::formulaFeatures('b', 2100);
    const nlohmann::json ref = reference();
    const KidResult full = kernelInceptionDistance(a, b);
    EXPECT_EQ(full.subsetSize, 1000);
    EXPECT_NEAR(full.mean, ref["kid_mean"].get<double>(), 1e-5);
    EXPECT_NEAR(full.std, ref["kid_std"].get<double>(), 1e-5);
    const KidResult small = kernelInceptionDistance(test::firstRows(a, 200), test::firstRows(b, 200));
    EXPECT_EQ(small.subsetSize, 200);
    EXPECT_NEAR(small.mean, ref["kid_singular_mean"].get<double>(), 1e-5);
    EXPECT_NEAR(small.std, ref["kid_singular_std"].get<double>(), 1e-5);
    EXPECT_GT(full.mean, 1e-3); // different sets: not a constant near 0
}

TEST(KernelInceptionDistance, IsNearZeroForTwoDrawsOfOneDistribution) {
    const FeatureMatrix a = test::formulaFeatures('a', 400, 64);
    const FeatureMatrix b = test::formulaFeatures('b', 400, 64);
    FeatureMatrix firstHalf = test::firstRows(a, 200);
    FeatureMatrix secondHalf{200, 64, {a.values.begin() + 200 * 64, a.values.end()}};
    const KidOptions options{20, 1000, 7};
    const double same = kernelInceptionDistance(firstHalf, secondHalf, options).mean;
    const double different = kernelInceptionDistance(firstHalf, test::firstRows(b, 200), options).mean;
    EXPECT_LT(std::abs(same), 0.1 * different);
}

TEST(KernelInceptionDistance, SeedChangesSubsetsOnly) {
    const FeatureMatrix a = test::formulaFeatures('a', 60, 32), b = test::formulaFeatures('b', 80, 32);
    const KidResult one = kernelInceptionDistance(a, b, {10, 50, 1});
    const KidResult again = kernelInceptionDistance(a, b, {10, 50, 1});
    const KidResult other = kernelInceptionDistance(a, b, {10, 50, 2});
    EXPECT_EQ(one.mean, again.mean);
    EXPECT_NE(one.mean, other.mean);
    EXPECT_NEAR(one.mean, other.mean, 0.5 * std::abs(one.mean));
}

TEST(KernelInceptionDistance, RefusesMismatchedSets) {
    EXPECT_THROW(kernelInceptionDistance(test::formulaFeatures('a', 10, 8), test::formulaFeatures('b', 10, 4)),
                 ConfigError);
}

} // namespace
} // namespace cgs
