#include "core/engine/train/capturable_step.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/train/synthetic_source.h"
#include "core/engine/train/trainer.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

class StopAt : public TrainingObserver {
public:
    StopAt(TrainControl &control, std::int64_t iteration)
        : m_control(control), m_iteration(iteration) {}
    void stepFinished(const StepReport &r) override {
        lrs.push_back(r.lr);
        if (r.iteration == m_iteration)
            m_control.requestStop();
    }
    std::vector<double> lrs;

private:
    TrainControl &m_control;
    std::int64_t m_iteration;
};

class CapturableStepTest : public test::TempDirTest {
protected:
    CapturableStepTest() : TempDirTest("capturable") {}

    // 10 pairs per epoch, 2 epochs: the learning rate halves at step 11 (1 + 1 decay epoch).
    TrainOptions options(const std::string &name, const std::string &step) const {
        TrainOptions o = test::tinySyntheticOptions(m_dir.string(), name);
        o.nEpochs = 1;
        o.nEpochsDecay = 1;
        o.poolSize = 0;
        o.displayFreq = 1000;
        o.trainStep = step;
        return o;
    }

    // Trains `o` until iteration `stop` (resuming when o.continueTrain); returns the lrs seen.
    std::vector<double> train(const TrainOptions &o, std::int64_t stop) const {
        Trainer trainer(o, std::make_unique<SyntheticSource>(32, 10));
        TrainControl control;
        StopAt observer(control, stop);
        trainer.run(observer, control);
        return observer.lrs;
    }

    // Both generators of <run>/checkpoints/latest applied to one fixed batch.
    torch::Tensor outputs(const std::string &name) const {
        const auto dir = (m_dir / name / "checkpoints" / "latest").string();
        torch::manual_seed(99);
        const auto x = torch::rand({2, 3, 32, 32}) * 2 - 1;
        torch::NoGradGuard noGrad;
        return torch::cat({loadCheckpointGenerator(dir, Direction::AToB, torch::kCPU)->forward(x),
                           loadCheckpointGenerator(dir, Direction::BToA, torch::kCPU)->forward(x)});
    }
};

double relativeDifference(const torch::Tensor &a, const torch::Tensor &b) {
    return ((a - b).abs().max() / a.abs().max()).item<double>();
}

TEST_F(CapturableStepTest, TrainsTheSameNetworksAsTheStandardStepWithoutPool) {
    const auto lrs = train(options("standard", "standard"), 20);
    ASSERT_EQ(lrs.size(), 20u);
    ASSERT_NE(lrs[9], lrs[10]); // an epoch boundary with a new learning rate inside the run
    EXPECT_EQ(train(options("capturable", "capturable"), 20), lrs);
    const auto a = outputs("standard"), b = outputs("capturable");
    EXPECT_LT(relativeDifference(a, b), 1e-5);
}

TEST_F(CapturableStepTest, CheckpointsResumeAcrossTheTwoSteps) {
    // 7 capturable steps, then the standard step resumes; and the other way round. Both
    // must land where 20 standard steps land: moments, step counts and lr travel across.
    train(options("standard", "standard"), 20);
    auto first = options("cap_then_std", "capturable");
    train(first, 7);
    first.trainStep = "standard";
    first.continueTrain = true;
    train(first, 20);
    auto second = options("std_then_cap", "standard");
    train(second, 13);
    second.trainStep = "capturable";
    second.continueTrain = true;
    train(second, 20);
    const auto reference = outputs("standard");
    EXPECT_LT(relativeDifference(reference, outputs("cap_then_std")), 1e-5);
    EXPECT_LT(relativeDifference(reference, outputs("std_then_cap")), 1e-5);
}

// Model level, step by step: same losses and parameters as CycleGanModel::step().
TEST_F(CapturableStepTest, EachStepMatchesTheStandardStep) {
    const TrainOptions o = options("", "capturable");
    torch::manual_seed(1);
    CycleGanModel standard(o, torch::kCPU);
    standard.initWeights();
    torch::manual_seed(1);
    CycleGanModel capturable(o, torch::kCPU);
    capturable.initWeights();
    CapturableStep step(capturable, StepExecution::Eager);
    SyntheticSource source(32, 3);
    for (int i = 0; i < 3; ++i) {
        const auto [a, b] = pairsToBatches({source.pair(1, i)}, torch::kCPU);
        const auto expected = standard.step(a, b), got = step.step(a, b);
        EXPECT_LT(relativeDifference(expected, got), 1e-5) << "losses of step " << i << ": "
                                                          << expected << got;
        const auto pa = standard.netGA->parameters(), pb = capturable.netGA->parameters();
        for (size_t k = 0; k < pa.size(); ++k)
            ASSERT_LT(relativeDifference(pa[k], pb[k]), 1e-5) << "G_A parameter " << k
                                                              << " after step " << i;
        const auto da = standard.netDA->parameters(), db = capturable.netDA->parameters();
        for (size_t k = 0; k < da.size(); ++k)
            ASSERT_LT(relativeDifference(da[k], db[k]), 1e-5) << "D_A parameter " << k
                                                              << " after step " << i;
    }
}

TEST_F(CapturableStepTest, PoolsOnTheDeviceReachTheModelForCheckpoints) {
    TrainOptions o = options("pool", "capturable");
    o.poolSize = 3;
    torch::manual_seed(1);
    CycleGanModel model(o, torch::kCPU);
    model.initWeights();
    CapturableStep step(model, StepExecution::Eager);
    SyntheticSource source(32, 5);
    for (int i = 0; i < 5; ++i) {
        const auto pair = source.pair(1, i);
        const auto [a, b] = pairsToBatches({pair}, torch::kCPU);
        const auto losses = step.step(a, b);
        ASSERT_EQ(losses.sizes(), torch::IntArrayRef({8}));
        EXPECT_TRUE(torch::isfinite(losses).all().item<bool>());
    }
    EXPECT_EQ(model.fakeAPool.count(), 0); // not synced yet
    step.syncToModel();
    EXPECT_EQ(model.fakeAPool.count(), 3);
    EXPECT_EQ(model.fakeBPool.count(), 3);
    const auto &state = static_cast<torch::optim::AdamParamState &>(
        *model.optimizerG->state().begin()->second);
    EXPECT_EQ(state.step(), 5);
}

TEST_F(CapturableStepTest, NeedsImagesOfOneSizeAndCudaForTheGraph) {
    TrainOptions o = options("refused", "capturable");
    o.preprocess = Preprocess::None;
    EXPECT_THROW(o.validate(), ConfigError);
    o.preprocess = Preprocess::ResizeAndCrop;
    o.trainStep = "sometimes";
    EXPECT_THROW(o.validate(), ConfigError);
    o.trainStep = "standard";
    o.cudaGraph = true;
    o.device = "cpu";
    EXPECT_THROW({ Trainer trainer(o, std::make_unique<SyntheticSource>(32, 2)); }, ConfigError);
}

} // namespace
} // namespace cgs
