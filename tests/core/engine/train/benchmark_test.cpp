// cgs::BenchOptions::forTraining and runBenchmark (core/engine/train/benchmark.h).
#include "core/engine/train/benchmark.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TEST(Benchmark, ForTrainingTimesTheRunsOwnStep) {
    TrainOptions o;
    o.netG = "resnet_6blocks";
    o.ngf = 24;
    o.ndf = 40;
    o.cropSize = 130; // rounded down to a multiple of 4
    o.batchSize = 3;
    o.precision = "bf16";
    o.channelsLast = true;
    o.trainStep = "capturable";
    o.device = "cpu";
    o.cpuThreads = 2;
    const BenchOptions b = BenchOptions::forTraining(o);
    EXPECT_EQ(b.mode, "train");
    EXPECT_EQ(b.size, 128);
    EXPECT_EQ(b.netG, "resnet_6blocks");
    EXPECT_EQ(b.ngf, 24);
    EXPECT_EQ(b.ndf, 40);
    EXPECT_EQ(b.batchSize, 3);
    EXPECT_EQ(b.precision, "bf16");
    EXPECT_TRUE(b.channelsLast);
    EXPECT_EQ(b.trainStep, "capturable");
    EXPECT_FALSE(b.cudaGraph);
    EXPECT_EQ(b.device, "cpu");
    EXPECT_EQ(b.cpuThreads, 2);
    EXPECT_NO_THROW(b.validate());
    o.cropSize = 8; // below the bench's smallest size: still a valid benchmark
    EXPECT_NO_THROW(BenchOptions::forTraining(o).validate());
}

TEST(Benchmark, ReportsConsistentRatesForATinyStep) {
    BenchOptions b;
    b.size = 32;
    b.netG = "resnet_6blocks";
    b.ngf = 4;
    b.ndf = 4;
    b.batchSize = 2;
    b.device = "cpu";
    b.cpuThreads = 1;
    b.warmupSteps = 1;
    b.steps = 3;
    const BenchResult r = runBenchmark(b);
    ASSERT_GT(r.msPerStep, 0);
    EXPECT_LE(r.msMin, r.msPerStep);
    EXPECT_GE(r.msMax, r.msPerStep);
    EXPECT_NEAR(r.itPerS, 1000.0 / r.msPerStep, 1e-6 * r.itPerS);
    EXPECT_NEAR(r.imagesPerS, 2 * r.itPerS, 1e-6 * r.imagesPerS);
    EXPECT_GT(r.peakMemoryMb, 0);
    EXPECT_FALSE(r.device.empty());
}

} // namespace
} // namespace cgs
