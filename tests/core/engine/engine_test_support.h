#pragma once

#include "core/engine/train/train_options.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace cgs::test {

// A file of tests/fixtures/official (real PyTorch-written .pth files, see make_fixtures.py),
// found through CGS_SOURCE_DIR, which ctest sets.
inline std::string officialFixture(const std::string &name) {
    const char *root = std::getenv("CGS_SOURCE_DIR");
    return std::string(root ? root : ".") + "/tests/fixtures/official/" + name;
}

// A tiny CycleGAN on synthetic data that trains a step in milliseconds on one CPU thread:
// resnet_6blocks with ngf = ndf = 4 on 32x32 crops, seed 42. Tests change what they examine.
inline TrainOptions tinySyntheticOptions(const std::string &checkpointsDir,
                                         const std::string &name) {
    TrainOptions o;
    o.dataroot = "synthetic";
    o.name = name;
    o.checkpointsDir = checkpointsDir;
    o.netG = "resnet_6blocks";
    o.ngf = 4;
    o.ndf = 4;
    o.cropSize = 32;
    o.loadSize = 32;
    o.seed = 42;
    o.device = "cpu";
    o.cpuThreads = 1;
    return o;
}

// A fixture with its own empty folder, <tmp>/cgs_<prefix>_<pid>_<test name>, removed after.
class TempDirTest : public ::testing::Test {
protected:
    explicit TempDirTest(const std::string &prefix) : m_prefix(prefix) {}
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("cgs_" + m_prefix + "_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path m_dir;

private:
    std::string m_prefix;
};

} // namespace cgs::test
