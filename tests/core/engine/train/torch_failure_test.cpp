#include "core/engine/train/torch_failure.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/error.h"
#include "core/engine/train/cycle_gan_model.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions options() { return test::tinySyntheticOptions("", ""); }

// The category and message rethrowTorchFailure gives for a LibTorch error `what`.
template <typename Category> std::string mapped(const std::string &what) {
    try {
        try {
            TORCH_CHECK(false, what);
        } catch (const c10::Error &e) {
            rethrowTorchFailure(e, options(), "training step 3 (epoch 1)", "A 16x16, B 16x16");
        }
    } catch (const Category &e) {
        return e.what();
    } catch (const std::exception &e) {
        return std::string("wrong category: ") + e.what();
    }
    return "nothing thrown";
}

TEST(TorchFailure, OutOfMemoryIsADeviceError) {
    const auto m = mapped<DeviceError>("CUDA out of memory. Tried to allocate 2.00 GiB");
    EXPECT_NE(m.find("Out of memory in training step 3 (epoch 1) on images A 16x16"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("--batch_size"), std::string::npos) << m;
}

TEST(TorchFailure, GpuFailuresAreDeviceErrors) {
    const auto m = mapped<DeviceError>("CUDA error: an illegal memory access was encountered");
    EXPECT_NE(m.find("The GPU failed"), std::string::npos) << m;
}

TEST(TorchFailure, SizeErrorsAreConfigErrorsNamingTheSmallestSide) {
    const auto m = mapped<ConfigError>(
        "Calculated padded input size per channel: (3 x 3). Kernel size: (4 x 4). Kernel size "
        "can't be greater than actual input size");
    EXPECT_NE(m.find("need sides of at least 24"), std::string::npos) << m;
}

TEST(TorchFailure, AnythingElseIsATrainingErrorSayingWhere) {
    const auto m = mapped<TrainingError>("something unexpected\nwith a second line");
    EXPECT_NE(m.find("Training failed in training step 3 (epoch 1)"), std::string::npos) << m;
    EXPECT_EQ(m.find("second line"), std::string::npos) << m;
}

// The real thing: a 16x16 step of the default discriminator fails inside LibTorch, and the
// mapping turns it into the configuration error it is.
TEST(TorchFailure, ARealTooSmallStepIsMappedToAConfigError) {
    CycleGanModel model(options(), torch::kCPU);
    const auto x = torch::zeros({1, 3, 16, 16});
    try {
        try {
            model.step(x, x);
            FAIL() << "a 16x16 step ran";
        } catch (const c10::Error &e) {
            rethrowTorchFailure(e, options(), "training step 1 (epoch 1)", "A 16x16, B 16x16");
        }
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("at least 24"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace cgs
