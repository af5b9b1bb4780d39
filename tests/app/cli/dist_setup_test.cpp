// placeRank: which device and backend each torchrun process takes (app/cli/dist_setup.h).
#include "app/cli/dist_setup.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

namespace cgs::cli {
namespace {

DistEnv job(int localRank, int localWorldSize) {
    DistEnv env;
    env.worldSize = localWorldSize;
    env.rank = localRank;
    env.localRank = localRank;
    env.localWorldSize = localWorldSize;
    return env;
}

TEST(PlaceRank, EachProcessTakesItsOwnGpuWhileThereAreEnough) {
    const auto p = placeRank(job(3, 4), "auto", 4, "auto");
    EXPECT_EQ(p.device, "cuda:3");
    EXPECT_EQ(p.backend, "auto"); // the process group picks nccl for CUDA
    EXPECT_FALSE(p.sharesGpu);
    EXPECT_EQ(placeRank(job(1, 2), "cuda", 2, "nccl").device, "cuda:1");
}

TEST(PlaceRank, MoreProcessesThanGpusShareThemRoundRobinThroughGloo) {
    const auto p = placeRank(job(1, 2), "cuda", 1, "auto");
    EXPECT_EQ(p.device, "cuda:0");
    EXPECT_TRUE(p.sharesGpu);
    EXPECT_EQ(p.backend, "gloo");
    EXPECT_EQ(placeRank(job(2, 3), "auto", 2, "gloo").device, "cuda:0");
    EXPECT_EQ(placeRank(job(2, 3), "auto", 2, "gloo").backend, "gloo");
}

TEST(PlaceRank, NcclOnASharedGpuIsRefusedWithTheCounts) {
    try {
        placeRank(job(0, 2), "cuda", 1, "nccl");
        FAIL() << "expected ConfigError";
    } catch (const ConfigError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("2 processes"), std::string::npos) << what;
        EXPECT_NE(what.find("1 GPU"), std::string::npos) << what;
        EXPECT_NE(what.find("--dist_backend gloo"), std::string::npos) << what;
    }
}

TEST(PlaceRank, CpuAndExplicitDevicesAreKept) {
    EXPECT_EQ(placeRank(job(1, 2), "auto", 0, "auto").device, "cpu");
    EXPECT_FALSE(placeRank(job(1, 2), "auto", 0, "auto").sharesGpu);
    EXPECT_EQ(placeRank(job(1, 2), "cpu", 4, "auto").device, "cpu");
    EXPECT_EQ(placeRank(job(1, 2), "cuda:1", 4, "nccl").device, "cuda:1");
}

} // namespace
} // namespace cgs::cli
