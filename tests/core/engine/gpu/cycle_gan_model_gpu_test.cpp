#include "core/engine/train/cycle_gan_model.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/train/benchmark.h"
#include "core/engine/image_tensor.h"
#include "core/engine/train/synthetic_source.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions tinyOptions() {
    TrainOptions o = test::tinySyntheticOptions("", "");
    o.ngf = 8;
    o.ndf = 8;
    o.cropSize = 64;
    o.loadSize = 64;
    return o;
}

std::pair<torch::Tensor, torch::Tensor> batch(const torch::Device &device) {
    SyntheticSource source(64, 1);
    source.setSeed(5);
    const TrainingPair p = source.pair(1, 0);
    return {imagesToBatch({&p.a}, device), imagesToBatch({&p.b}, device)};
}

void copyParameters(const torch::nn::Module &from, torch::nn::Module &to) {
    torch::NoGradGuard noGrad;
    const auto src = from.parameters();
    auto dst = to.parameters();
    for (size_t i = 0; i < src.size(); ++i)
        dst[i].copy_(src[i]);
}

// One step on the GPU gives the same losses as on the CPU from the same weights (up to
// floating-point differences between kernels).
TEST(CycleGanModelGpu, StepMatchesTheCpuStep) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device";
    const TrainOptions o = tinyOptions();
    torch::manual_seed(3);
    CycleGanModel cpu(o, torch::kCPU);
    cpu.initWeights();
    CycleGanModel gpu(o, torch::Device(torch::kCUDA, 0));
    copyParameters(*cpu.netGA, *gpu.netGA);
    copyParameters(*cpu.netGB, *gpu.netGB);
    copyParameters(*cpu.netDA, *gpu.netDA);
    copyParameters(*cpu.netDB, *gpu.netDB);
    const auto [a, b] = batch(torch::kCPU);
    const auto lossCpu = cpu.step(a, b);
    const auto lossGpu = gpu.step(a.cuda(), b.cuda()).cpu();
    EXPECT_TRUE(torch::allclose(lossCpu, lossGpu, 1e-3, 1e-4)) << lossCpu << lossGpu;
}

TEST(CycleGanModelGpu, LossesStayFiniteOverManySteps) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device";
    torch::manual_seed(4);
    CycleGanModel model(tinyOptions(), torch::Device(torch::kCUDA, 0));
    model.initWeights();
    const auto [a, b] = batch(torch::Device(torch::kCUDA, 0));
    torch::Tensor first, last;
    for (int i = 0; i < 50; ++i) {
        last = model.step(a, b);
        if (i == 0)
            first = last.clone();
    }
    EXPECT_TRUE(torch::isfinite(last).all().item<bool>());
    // Cycle losses (indices 2 and 6) fall when fitting one pair repeatedly.
    EXPECT_LT(last[2].item<float>(), first[2].item<float>());
}

TEST(BenchmarkGpu, ReportsDeviceMemory) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device";
    BenchOptions o;
    o.size = 64;
    o.netG = "resnet_6blocks";
    o.device = "cuda";
    o.steps = 3;
    const BenchResult r = runBenchmark(o);
    EXPECT_GT(r.itPerS, 0);
    EXPECT_GT(r.peakMemoryMb, 1.0);
}

} // namespace
} // namespace cgs
