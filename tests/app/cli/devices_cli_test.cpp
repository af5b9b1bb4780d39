// `cyclegan devices` through the real executable: the list on a machine without a GPU, and the
// message for an NVIDIA GPU the build cannot use (an injected driver folder).
#include "tests/e2e/cli_process.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class DevicesCli : public e2e::CliRun {};

TEST_F(DevicesCli, ListsTheCpuByNameAndSaysWhyAnNvidiaGpuIsNotUsed) {
    auto p = runToEnd({"devices"}, "devices");
    ASSERT_EQ(p->exitCode(), 0) << p->output();
    EXPECT_NE(p->output().find("\n  cpu     "), std::string::npos) << p->output();
    EXPECT_NE(p->output().find(" cores, "), std::string::npos) << p->output();
    EXPECT_NE(p->output().find("Built with LibTorch "), std::string::npos) << p->output();
    EXPECT_EQ(p->output().find("note:"), std::string::npos) << p->output();

    fs::create_directories(m_dir / "nvidia/gpus/0000:65:00.0");
    std::ofstream(m_dir / "nvidia/gpus/0000:65:00.0/information") << "Model: \t NVIDIA RTX A4000\n";
    std::ofstream(m_dir / "nvidia/version") << "NVRM version: NVIDIA UNIX x86_64 Kernel Module  470.82.01\n";
    ::setenv("CGS_NVIDIA_DRIVER_DIR", (m_dir / "nvidia").c_str(), 1);
    auto q = runToEnd({"devices"}, "devices-gpu");
    ::unsetenv("CGS_NVIDIA_DRIVER_DIR");
    ASSERT_EQ(q->exitCode(), 0) << q->output();
    EXPECT_NE(q->output().find("note: This machine has NVIDIA RTX A4000"), std::string::npos)
        << q->output();
}

} // namespace
} // namespace cgs
