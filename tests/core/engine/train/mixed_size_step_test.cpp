// Training on images of several sizes: the official step takes each image at
// its own size. CycleGanModel batches the passes whose inputs share a size and runs the others
// one by one; this checks it against the official step written pass by pass.
#include "core/engine/train/cycle_gan_model.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/nn/input_side.h"
#include "core/engine/train/losses.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions options(int poolSize) {
    TrainOptions o = test::tinySyntheticOptions("", "");
    o.poolSize = poolSize;
    return o;
}

void setRequiresGrad(torch::nn::Module &m, bool on) {
    for (auto &p : m.parameters())
        p.set_requires_grad(on);
}

// optimize_parameters() of the official CycleGANModel, one network pass per image batch.
torch::Tensor officialStep(CycleGanModel &m, const TrainOptions &o, const torch::Tensor &realA,
                           const torch::Tensor &realB) {
    setRequiresGrad(*m.netDA, false);
    setRequiresGrad(*m.netDB, false);
    m.optimizerG->zero_grad();
    const auto fakeB = m.netGA->forward(realA);
    const auto recA = m.netGB->forward(fakeB);
    const auto fakeA = m.netGB->forward(realB);
    const auto recB = m.netGA->forward(fakeA);
    const auto idtA = l1Loss(m.netGA->forward(realB), realB) * (o.lambdaB * o.lambdaIdentity);
    const auto idtB = l1Loss(m.netGB->forward(realA), realA) * (o.lambdaA * o.lambdaIdentity);
    const auto gA = ganLoss(m.netDA->forward(fakeB), true, o.ganMode);
    const auto gB = ganLoss(m.netDB->forward(fakeA), true, o.ganMode);
    const auto cycleA = l1Loss(recA, realA) * o.lambdaA;
    const auto cycleB = l1Loss(recB, realB) * o.lambdaB;
    (gA + gB + cycleA + cycleB + idtA + idtB).backward();
    m.optimizerG->step();
    setRequiresGrad(*m.netDA, true);
    setRequiresGrad(*m.netDB, true);
    m.optimizerD->zero_grad();
    const auto backwardD = [&](NLayerDiscriminator &net, const torch::Tensor &real,
                               const torch::Tensor &fake) {
        const auto loss = (ganLoss(net->forward(real), true, o.ganMode) +
                           ganLoss(net->forward(fake.detach()), false, o.ganMode)) *
                          0.5;
        loss.backward();
        return loss.detach();
    };
    const auto dA = backwardD(m.netDA, realB, m.fakeBPool.query(fakeB));
    const auto dB = backwardD(m.netDB, realA, m.fakeAPool.query(fakeA));
    m.optimizerD->step();
    return torch::stack({dA, gA, cycleA, idtA, dB, gB, cycleB, idtB}).detach();
}

torch::Tensor image(std::int64_t width, std::int64_t height, std::uint64_t seed) {
    torch::manual_seed(seed);
    return torch::rand({1, 3, height, width}) * 2 - 1;
}

// The convolution weights. (The biases of convolutions followed by instance norm have a zero
// gradient in exact arithmetic; Adam scales their rounding noise up to +-lr, whatever the
// order of the sums, so they are no measure of agreement.)
torch::Tensor flatParameters(CycleGanModel &m) {
    std::vector<torch::Tensor> all;
    for (torch::nn::Module *net : std::initializer_list<torch::nn::Module *>{
             m.netGA.get(), m.netGB.get(), m.netDA.get(), m.netDB.get()})
        for (const auto &p : net->parameters())
            if (p.dim() > 1)
                all.push_back(p.detach().flatten());
    return torch::cat(all);
}

// Steps both ways from the same weights and random state; the losses of every step and the
// final weights must agree.
void expectSameAsOfficial(const std::vector<std::pair<torch::Tensor, torch::Tensor>> &steps,
                          int poolSize) {
    const TrainOptions o = options(poolSize);
    torch::manual_seed(3);
    CycleGanModel ours(o, torch::kCPU);
    ours.initWeights();
    torch::manual_seed(3);
    CycleGanModel official(o, torch::kCPU);
    official.initWeights();
    ASSERT_TRUE(torch::equal(flatParameters(ours), flatParameters(official)));
    for (size_t i = 0; i < steps.size(); ++i) {
        torch::manual_seed(100 + i); // the pools' draws
        const auto a = ours.step(steps[i].first, steps[i].second);
        torch::manual_seed(100 + i);
        const auto b = officialStep(official, o, steps[i].first, steps[i].second);
        // The first step starts from equal weights: equal losses up to fp32 rounding. Later
        // steps start from weights that Adam moved (see below), so their losses agree less.
        const double rtol = i == 0 ? 1e-4 : 1e-2;
        EXPECT_TRUE(torch::allclose(a, b, rtol, 1e-5)) << "step " << i << "\n" << a << "\n" << b;
    }
    // Adam's first steps move each weight by about lr (2e-4) in the direction of its
    // gradient's sign, whatever the gradient's size: where the true gradient is near zero, the
    // rounding differences of batched sums can flip that sign, up to 2 lr per step in a
    // few weights (LibTorch 2.11's oneDNN kernels round differently from 1.13's and flip about
    // 2% of them). A wrongly paired pass would move most weights by about lr: the mean tells.
    const auto diff = (flatParameters(ours) - flatParameters(official)).abs();
    EXPECT_LE(diff.max().item<float>(), static_cast<float>(steps.size()) * 2 * 2e-4f * 1.01f);
    EXPECT_LT(diff.mean().item<float>(), 2e-5f);
}

TEST(MixedSizeStep, EqualSizesBatchedEqualsThePassByPassStep) {
    expectSameAsOfficial({{image(32, 32, 1), image(32, 32, 2)}, {image(32, 32, 3), image(32, 32, 4)}},
                         2);
}

TEST(MixedSizeStep, MixedSizesEqualThePassByPassStep) {
    // The field report: A 40x40, B 48x36; then other sizes, with a pool of 1 so that the
    // discriminators also get stored fakes of another size than the real images.
    expectSameAsOfficial({{image(40, 40, 1), image(48, 36, 2)},
                          {image(48, 48, 3), image(40, 40, 4)},
                          {image(40, 40, 5), image(48, 36, 6)}},
                         1);
}

TEST(MixedSizeStep, EachImageKeepsItsSizeThroughBothNetworks) {
    torch::manual_seed(4);
    CycleGanModel model(options(50), torch::kCPU);
    model.initWeights();
    const auto realB = image(48, 36, 7); // width 48, height 36
    const auto outputs = model.preview(image(40, 40, 8), realB);
    for (const auto &[name, t] : outputs)
        if (name == "fake_A" || name == "rec_B")
            EXPECT_EQ(t.sizes(), realB.sizes()) << name;
    torch::NoGradGuard noGrad;
    const auto map = model.netDB->forward(realB);
    // The discriminator's map: each side as its layers make it (2 x 4 for 36 x 48).
    EXPECT_EQ(map.size(2), traceSquareSide(*model.netDB, 36).outputSide);
    EXPECT_EQ(map.size(3), traceSquareSide(*model.netDB, 48).outputSide);
    EXPECT_EQ(map.size(2), 2);
    EXPECT_EQ(map.size(3), 4);
}

} // namespace
} // namespace cgs
