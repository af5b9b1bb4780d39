#include "core/engine/device.h"

#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cgs {
namespace {
namespace fs = std::filesystem;

TEST(Devices, CpuInfoGivesTheNameAndTheBf16Features) {
    const CpuFacts xeon = parseCpuInfo(
        "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8488C\n"
        "flags\t\t: fpu sse avx2 avx512f avx512_bf16 amx_bf16 amx_tile\nprocessor\t: 1\n"
        "model name\t: Intel(R) Xeon(R) Platinum 8488C\n");
    EXPECT_EQ(xeon.name, "Intel(R) Xeon(R) Platinum 8488C");
    EXPECT_EQ(xeon.features,
              (std::vector<std::string>{"AVX2", "AVX-512", "AVX512-BF16", "AMX"}));
    EXPECT_TRUE(xeon.bf16);
    const CpuFacts old = parseCpuInfo("model name : Old CPU\nflags : fpu sse2 avx2\n");
    EXPECT_EQ(old.features, std::vector<std::string>{"AVX2"});
    EXPECT_FALSE(old.bf16);
    EXPECT_EQ(parseCpuInfo("").name, "CPU");
}

// On a machine without a GPU (this one in CI), the list is the CPU alone.
TEST(Devices, TheListEndsWithTheCpuAndHasEveryGpuFirst) {
    const auto devices = listDevices();
    ASSERT_FALSE(devices.empty());
    EXPECT_EQ(devices.back().spec, "cpu");
    EXPECT_FALSE(devices.back().gpu);
    EXPECT_GE(devices.back().cores, 1);
    EXPECT_FALSE(devices.back().name.empty());
    const auto gpus = std::count_if(devices.begin(), devices.end(),
                                    [](const ComputeDevice &d) { return d.gpu; });
    EXPECT_EQ(gpus, torch::cuda::is_available() ? torch::cuda::device_count() : 0);
    for (int i = 0; i < gpus; ++i) {
        EXPECT_EQ(devices[i].spec, "cuda:" + std::to_string(i));
        EXPECT_GT(devices[i].memoryBytes, 0);
        EXPECT_EQ(devices[i].bf16, devices[i].computeMajor >= 8);
    }
}

class GpuReasonTest : public test::TempDirTest {
protected:
    GpuReasonTest() : TempDirTest("gpu_reason") {}
    // A driver folder as /proc/driver/nvidia shows one GPU.
    std::string driverWithGpu(const std::string &driverVersion) {
        fs::create_directories(m_dir / "gpus/0000:01:00.0");
        std::ofstream(m_dir / "gpus/0000:01:00.0/information")
            << "Model: \t\t NVIDIA GeForce RTX 3090\nIRQ:   \t\t 140\n";
        std::ofstream(m_dir / "version")
            << "NVRM version: NVIDIA UNIX x86_64 Kernel Module  " << driverVersion
            << "  Sat Aug 19 01:15:15 UTC 2023\nGCC version:  gcc version 12.2.0\n";
        return m_dir.string();
    }
};

TEST_F(GpuReasonTest, NoNvidiaDriverMeansNothingToSay) {
    fs::create_directories(m_dir);
    EXPECT_EQ(gpuUnavailableReason(m_dir.string()), "");
}

TEST_F(GpuReasonTest, AGpuTheBuildCannotUseIsNamedWithWhatToDo) {
    const std::string reason = gpuUnavailableReason(driverWithGpu("535.104.05"));
    if (torch::cuda::is_available()) {
        GTEST_SKIP() << "a usable GPU here: " << reason;
    }
    EXPECT_NE(reason.find("This machine has NVIDIA GeForce RTX 3090"), std::string::npos)
        << reason;
    if (buildCudaVersion().empty()) {
        // Debian's LibTorch: no CUDA at all.
        EXPECT_NE(reason.find("without CUDA"), std::string::npos) << reason;
        EXPECT_NE(reason.find("PyTorch's LibTorch"), std::string::npos) << reason;
    } else if (!minimumDriverFor(buildCudaVersion()).empty()) {
        // A CUDA build: this driver is older than the build's CUDA needs.
        EXPECT_NE(reason.find("driver 535.104.05 is older than this build's CUDA " +
                              buildCudaVersion()),
                  std::string::npos)
            << reason;
        EXPECT_NE(reason.find(minimumDriverFor(buildCudaVersion()) + " or newer"),
                  std::string::npos);
    }
}

TEST(Devices, DriverNeededByEachCuda) {
    EXPECT_EQ(minimumDriverFor("13.0"), "580.65.06");
    EXPECT_EQ(minimumDriverFor("12.8"), "570.26");
    EXPECT_EQ(minimumDriverFor("1.0"), "");
}

} // namespace
} // namespace cgs
