#include "core/engine/train/capturable_step.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/image_tensor.h"
#include "core/engine/train/synthetic_source.h"
#include "core/engine/train/trainer.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

// GPU kernels (atomics in reductions) are not bit-reproducible, and Adam turns the rounding
// noise in the gradients of conv biases that instance norm cancels into ±lr steps: compare
// what the networks compute (generator outputs on a fixed batch), with a tolerance that this
// noise allows over a few steps but a wrong update (stale lr or step count, skipped optimizer)
// does not.
constexpr double kTolerance = 5e-3;

double relativeDifference(const torch::Tensor &a, const torch::Tensor &b) {
    return ((a - b).abs().max() / a.abs().max()).item<double>();
}

// A generator applied to a fixed batch, on the CPU.
torch::Tensor outputs(ResnetGenerator &g) {
    torch::NoGradGuard noGrad;
    const auto device = g->parameters().front().device();
    const auto x = torch::linspace(-1, 1, 2 * 3 * 64 * 64).reshape({2, 3, 64, 64}).sin();
    return g->forward(x.to(device)).cpu();
}

TrainOptions gpuOptions(const std::string &dir, const std::string &name) {
    TrainOptions o = test::tinySyntheticOptions(dir, name);
    o.ngf = 8;
    o.ndf = 8;
    o.cropSize = 64;
    o.loadSize = 64;
    o.device = "cuda";
    o.poolSize = 0; // the pools' draws come from different streams in eager and replay
    return o;
}

// 8 steps with the same inputs and learning rates (changed after step 5): graph replay and
// eager capturable steps train the same networks.
TEST(CapturableStepGpu, GraphReplayMatchesEagerSteps) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device";
    at::globalContext().setBenchmarkCuDNN(false); // the same convolution kernels in both
    at::globalContext().setDeterministicCuDNN(true);
    const TrainOptions o = gpuOptions("", "");
    const torch::Device cuda(torch::kCUDA, 0);
    torch::manual_seed(3);
    CycleGanModel eager(o, cuda), graphed(o, cuda);
    eager.initWeights();
    {
        torch::NoGradGuard noGrad;
        for (auto pair : {std::make_pair(eager.netGA.ptr(), graphed.netGA.ptr()),
                          std::make_pair(eager.netGB.ptr(), graphed.netGB.ptr())})
            for (size_t i = 0; i < pair.first->parameters().size(); ++i)
                pair.second->parameters()[i].copy_(pair.first->parameters()[i]);
        for (auto pair : {std::make_pair(eager.netDA.ptr(), graphed.netDA.ptr()),
                          std::make_pair(eager.netDB.ptr(), graphed.netDB.ptr())})
            for (size_t i = 0; i < pair.first->parameters().size(); ++i)
                pair.second->parameters()[i].copy_(pair.first->parameters()[i]);
    }
    CapturableStep a(eager, StepExecution::Eager), b(graphed, StepExecution::CudaGraph);
    SyntheticSource source(64, 8);
    source.setSeed(5);
    for (int i = 0; i < 8; ++i) {
        if (i == 5) {
            a.setLearningRate(1e-4);
            b.setLearningRate(1e-4);
        }
        const auto pair = source.pair(1, i);
        const auto [realA, realB] = pairsToBatches({pair}, torch::kCPU);
        const auto la = a.step(realA, realB), lb = b.step(realA, realB);
        EXPECT_LT(relativeDifference(la.cpu(), lb.cpu()), kTolerance) << "losses of step " << i;
    }
    EXPECT_LT(relativeDifference(outputs(eager.netGA), outputs(graphed.netGA)), kTolerance);
    EXPECT_LT(relativeDifference(outputs(eager.netGB), outputs(graphed.netGB)), kTolerance);
}

class CapturableStepGpuResume : public test::TempDirTest {
protected:
    CapturableStepGpuResume() : TempDirTest("capturable_gpu") {}

    void train(TrainOptions o, std::int64_t stop) {
        o.nEpochs = 1;
        o.nEpochsDecay = 1;
        o.displayFreq = 1000;
        Trainer trainer(o, std::make_unique<SyntheticSource>(64, 6));
        TrainControl control;
        struct Stop : TrainingObserver {
            TrainControl *control;
            std::int64_t at;
            void stepFinished(const StepReport &r) override {
                if (r.iteration == at)
                    control->requestStop();
            }
        } observer;
        observer.control = &control;
        observer.at = stop;
        trainer.run(observer, control);
    }
    torch::Tensor generatorA(const std::string &name) {
        auto g = loadCheckpointGenerator((m_dir / name / "checkpoints" / "latest").string(),
                                         Direction::AToB, torch::kCPU);
        return outputs(g);
    }
};

// A checkpoint written by a graphed run resumes eagerly, and the other way round; both land
// where an uninterrupted eager run lands (12 steps over an lr change at step 7).
TEST_F(CapturableStepGpuResume, CheckpointsCrossBetweenGraphAndEager) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device";
    TrainOptions reference = gpuOptions(m_dir.string(), "eager");
    reference.trainStep = "capturable";
    train(reference, 12);
    TrainOptions graphFirst = gpuOptions(m_dir.string(), "graph_then_eager");
    graphFirst.cudaGraph = true;
    train(graphFirst, 8);
    graphFirst.cudaGraph = false;
    graphFirst.trainStep = "standard";
    graphFirst.continueTrain = true;
    train(graphFirst, 12);
    TrainOptions eagerFirst = gpuOptions(m_dir.string(), "eager_then_graph");
    train(eagerFirst, 4);
    eagerFirst.cudaGraph = true;
    eagerFirst.continueTrain = true;
    train(eagerFirst, 12);
    const auto expected = generatorA("eager");
    EXPECT_LT(relativeDifference(expected, generatorA("graph_then_eager")), kTolerance);
    EXPECT_LT(relativeDifference(expected, generatorA("eager_then_graph")), kTolerance);
}

} // namespace
} // namespace cgs
