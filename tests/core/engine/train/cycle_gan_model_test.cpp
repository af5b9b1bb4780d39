#include "core/engine/train/cycle_gan_model.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/image_tensor.h"
#include "core/engine/torch_compat.h"
#include "core/engine/train/synthetic_source.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions tinyOptions() {
    TrainOptions o = test::tinySyntheticOptions("", "");
    o.ngf = 8;
    o.ndf = 8;
    return o;
}

std::pair<torch::Tensor, torch::Tensor> batch() {
    SyntheticSource source(32, 1);
    source.setSeed(9);
    const TrainingPair p = source.pair(1, 0);
    return {imagesToBatch({&p.a}, torch::kCPU), imagesToBatch({&p.b}, torch::kCPU)};
}

// Runs `steps` steps from the same seeded weights and returns the last losses.
torch::Tensor lossesAfter(const TrainOptions &o, int steps) {
    torch::manual_seed(11);
    CycleGanModel model(o, torch::kCPU);
    model.initWeights();
    const auto [a, b] = batch();
    torch::Tensor losses;
    for (int i = 0; i < steps; ++i)
        losses = model.step(a, b);
    return losses;
}

TEST(CycleGanModel, StepReturnsEightFiniteLosses) {
    const auto losses = lossesAfter(tinyOptions(), 1);
    ASSERT_EQ(losses.sizes(), torch::IntArrayRef({8}));
    EXPECT_TRUE(torch::isfinite(losses).all().item<bool>());
    EXPECT_GT(losses[kLossCycleA].item<float>(), 0.0f);
}

TEST(CycleGanModel, IdentityLossesAreZeroWhenOff) {
    TrainOptions o = tinyOptions();
    o.lambdaIdentity = 0;
    const auto losses = lossesAfter(o, 1);
    EXPECT_EQ(losses[kLossIdtA].item<float>(), 0.0f);
    EXPECT_EQ(losses[kLossIdtB].item<float>(), 0.0f);
}

TEST(CycleGanModel, StepsUpdateBothGeneratorsAndDiscriminators) {
    torch::manual_seed(12);
    CycleGanModel model(tinyOptions(), torch::kCPU);
    model.initWeights();
    const auto before = model.netDB->parameters()[0].clone();
    const auto beforeG = model.netGB->parameters()[0].clone();
    const auto [a, b] = batch();
    model.step(a, b);
    EXPECT_FALSE(torch::equal(before, model.netDB->parameters()[0]));
    EXPECT_FALSE(torch::equal(beforeG, model.netGB->parameters()[0]));
}

// Two computations of the same gradient in another order (batched vs separate passes, NHWC vs
// NCHW kernels, another LibTorch's oneDNN) differ by fp32 rounding. An elementwise tolerance
// cannot bound that for elements whose true gradient is near zero (a convolution bias followed
// by instance norm has a true gradient of 0, so both sides are pure rounding noise): compare
// each parameter's whole gradient, relative to the largest gradient norm of its network. A
// missing or doubled loss term moves that by order 1.
double gradientError(torch::nn::Module &ours, torch::nn::Module &theirs, std::string &worst) {
    const auto p = ours.named_parameters(), q = theirs.named_parameters();
    EXPECT_EQ(p.size(), q.size());
    double scale = 0;
    for (std::size_t i = 0; i < q.size(); ++i)
        scale = std::max(scale, q[i].value().grad().norm().item<double>());
    double error = 0;
    for (std::size_t i = 0; i < p.size() && i < q.size(); ++i) {
        EXPECT_TRUE(p[i].value().grad().defined()) << p[i].key();
        const double e =
            (p[i].value().grad() - q[i].value().grad()).norm().item<double>() / scale;
        if (e > error) {
            error = e;
            worst = ours.name() + " " + p[i].key();
        }
    }
    return error;
}

// NHWC (--channels_last) computes the same step as NCHW: the same losses and gradients within
// fp32 rounding. (Not compared after several steps: Adam's first updates are lr * sign(g), so
// the rounding noise of near-zero gradients becomes full-size, harmless, different updates.)
TEST(CycleGanModel, ChannelsLastMatchesContiguous) {
    TrainOptions o = tinyOptions();
    torch::manual_seed(11);
    CycleGanModel plain(o, torch::kCPU);
    plain.initWeights();
    o.channelsLast = true;
    torch::manual_seed(11);
    CycleGanModel nhwc(o, torch::kCPU);
    nhwc.initWeights();
    const auto [a, b] = batch();
    const auto lossesPlain = plain.step(a, b);
    const auto lossesNhwc = nhwc.step(a, b);
    EXPECT_TRUE(torch::allclose(lossesPlain, lossesNhwc, 1e-5, 1e-7)) << lossesPlain << lossesNhwc;
    const std::pair<torch::nn::Module *, torch::nn::Module *> nets[] = {
        {nhwc.netGA.get(), plain.netGA.get()}, {nhwc.netGB.get(), plain.netGB.get()},
        {nhwc.netDA.get(), plain.netDA.get()}, {nhwc.netDB.get(), plain.netDB.get()}};
    for (const auto &[ours, theirs] : nets) {
        std::string worst;
        EXPECT_LT(gradientError(*ours, *theirs, worst), 1e-4) << worst;
    }
}

// The probe behind --channels_last's fallback tells the truth about this LibTorch on another
// shape and other values than its own (random, a channels-last gradient flowing in, as from the
// next convolution of the networks): where channels-last gradients are wrong, the model runs
// NCHW; where they are right, it runs NHWC. (LibTorch 1.13 and 2.11 are both wrong on the CPU.)
TEST(CycleGanModel, ChannelsLastIsUsedExactlyWhereInstanceNormGradientsAreRight) {
    torch::manual_seed(3);
    const auto x = torch::randn({1, 16, 8, 8}); // batch 1, CycleGAN's default (2.11 is right
    const auto w = torch::randn({1, 16, 8, 8}); // for batches of 2 and more)
    torch::Tensor grads[2];
    for (int channelsLast = 0; channelsLast < 2; ++channelsLast) {
        const auto format =
            channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        const auto xi = x.contiguous(format).detach().requires_grad_(true);
        const auto y = torch::instance_norm(xi, {}, {}, {}, {}, true, 0.1, 1e-5, false);
        grads[channelsLast] = torch::autograd::grad({(y * w.contiguous(format)).sum()}, {xi})[0];
    }
    const double error = ((grads[0] - grads[1]).norm() / grads[0].norm()).item<double>();
    const bool right = error < 1e-3;
    EXPECT_EQ(compat::instanceNormChannelsLastBackwardWorks(torch::kCPU), right) << error;
    TrainOptions o = tinyOptions();
    o.channelsLast = true;
    EXPECT_EQ(CycleGanModel(o, torch::kCPU).channelsLast(), right);
    o.channelsLast = false;
    EXPECT_FALSE(CycleGanModel(o, torch::kCPU).channelsLast());
}

TEST(CycleGanModel, Bf16AutocastStaysCloseToFp32) {
    TrainOptions o = tinyOptions();
    const auto fp32 = lossesAfter(o, 1);
    o.precision = "bf16";
    const auto bf16 = lossesAfter(o, 1);
    // Same weights, one forward: bf16 keeps 8 bits of mantissa, so the losses agree to some
    // percent, not bit for bit. How many depends on the CPU's bf16 kernels: within 5 % on an
    // Intel Xeon with AMX, up to 10 % (G_A 1.43 against 1.30) on an AMD EPYC without AVX-512,
    // where bf16 is emulated (Debian's LibTorch 1.13, 2026-12-06); a wrong cast is off by far
    // more.
    EXPECT_TRUE(torch::allclose(fp32, bf16, 0.15, 0.01)) << fp32 << bf16;
    EXPECT_FALSE(torch::equal(fp32, bf16)) << "autocast had no effect";
}

// step() runs the six generator passes as three batched calls and each discriminator once
// over [real | fake]. The reference here is the official step written out pass by pass
// (one forward per image set, torch's own loss functions): losses and every gradient agree.
TEST(CycleGanModel, BatchedPassesEqualTheOfficialSeparatePasses) {
    for (const double lambdaIdt : {0.5, 0.0}) {
        SCOPED_TRACE("lambda_identity " + std::to_string(lambdaIdt));
        TrainOptions o = tinyOptions();
        o.poolSize = 0; // the D step sees this step's fakes
        o.lambdaIdentity = lambdaIdt;
        torch::manual_seed(5);
        CycleGanModel model(o, torch::kCPU);
        model.initWeights();
        torch::manual_seed(5);
        CycleGanModel ref(o, torch::kCPU);
        ref.initWeights();
        torch::manual_seed(6);
        const auto a = torch::rand({2, 3, 32, 32}) * 2 - 1;
        const auto b = torch::rand({2, 3, 32, 32}) * 2 - 1;

        const torch::Tensor losses = model.step(a, b);

        auto mse = [](const torch::Tensor &pred, double target) {
            return torch::mse_loss(pred, torch::full_like(pred, target));
        };
        const double lA = o.lambdaA, lB = o.lambdaB;
        const auto fakeB = ref.netGA->forward(a);
        const auto recA = ref.netGB->forward(fakeB);
        const auto fakeA = ref.netGB->forward(b);
        const auto recB = ref.netGA->forward(fakeA);
        auto idtA = torch::zeros({}), idtB = torch::zeros({});
        if (lambdaIdt > 0) {
            idtA = torch::l1_loss(ref.netGA->forward(b), b) * lB * lambdaIdt;
            idtB = torch::l1_loss(ref.netGB->forward(a), a) * lA * lambdaIdt;
        }
        const auto gA = mse(ref.netDA->forward(fakeB), 1);
        const auto gB = mse(ref.netDB->forward(fakeA), 1);
        const auto cycleA = torch::l1_loss(recA, a) * lA;
        const auto cycleB = torch::l1_loss(recB, b) * lB;
        (gA + gB + cycleA + cycleB + idtA + idtB).backward();
        ref.netDA->zero_grad(); // the official G step has the discriminators frozen
        ref.netDB->zero_grad();
        const auto dA = (mse(ref.netDA->forward(b), 1) + mse(ref.netDA->forward(fakeB.detach()), 0)) * 0.5;
        const auto dB = (mse(ref.netDB->forward(a), 1) + mse(ref.netDB->forward(fakeA.detach()), 0)) * 0.5;
        (dA + dB).backward();

        const torch::Tensor expected =
            torch::stack({dA, gA, cycleA, idtA, dB, gB, cycleB, idtB}).detach();
        EXPECT_TRUE(torch::allclose(losses, expected, 1e-5, 1e-7))
            << "step:\n" << losses << "\nseparate passes:\n" << expected;
        const std::pair<torch::nn::Module *, torch::nn::Module *> nets[] = {
            {model.netGA.get(), ref.netGA.get()}, {model.netGB.get(), ref.netGB.get()},
            {model.netDA.get(), ref.netDA.get()}, {model.netDB.get(), ref.netDB.get()}};
        for (const auto &[ours, theirs] : nets) {
            std::string worst;
            EXPECT_LT(gradientError(*ours, *theirs, worst), 1e-5) << worst;
        }
    }
}

} // namespace
} // namespace cgs
