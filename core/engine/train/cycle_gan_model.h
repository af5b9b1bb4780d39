#pragma once

#include "core/engine/train/image_pool.h"
#include "core/engine/nn/nlayer_discriminator.h"
#include "core/engine/nn/resnet_generator.h"
#include "core/engine/train/train_options.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace cgs {

// Indices of the eight losses in the tensor that step() returns (official order).
enum LossIndex { kLossDA, kLossGA, kLossCycleA, kLossIdtA, kLossDB, kLossGB, kLossCycleB, kLossIdtB };

// The four networks, two optimizers and two image pools of CycleGAN, and one training step
// exactly as the official CycleGANModel.optimize_parameters(): forward both cycles, G step with
// the discriminators frozen, then D step on pooled fakes.
// Not thread safe.
class CycleGanModel {
public:
    CycleGanModel(const TrainOptions &options, const torch::Device &device);

    // Initialises all weights (official init); uses Torch's default generator.
    void initWeights();

    // One optimisation step on batches [N, 3, H, W] in [-1, 1] on the model's device.
    // Returns the eight losses as a float tensor [8] on the device (no host synchronisation).
    torch::Tensor step(const torch::Tensor &realA, const torch::Tensor &realB);

    // G_A forward in the model's precision and memory format (no grad), for the benchmark.
    torch::Tensor translateForBench(const torch::Tensor &realA);

    // Sets the learning rate of both optimizers.
    void setLearningRate(double lr);

    // Preview images for real batches (eval, no grad): real_A, fake_B, rec_A[, idt_B],
    // real_B, fake_A, rec_B[, idt_A], each [N, 3, H, W].
    std::vector<std::pair<std::string, torch::Tensor>> preview(const torch::Tensor &realA,
                                                               const torch::Tensor &realB);

    ResnetGenerator netGA{nullptr}, netGB{nullptr};
    NLayerDiscriminator netDA{nullptr}, netDB{nullptr};
    std::unique_ptr<torch::optim::Adam> optimizerG, optimizerD;
    ImagePool fakeAPool, fakeBPool;

    const torch::Device &device() const { return m_device; }
    // Whether the networks run in NHWC: --channels_last, unless this LibTorch's instance norm
    // computes wrong gradients for it on this device (compat::instanceNormChannelsLastBackwardWorks;
    // the trainer then warns and runs NCHW).
    bool channelsLast() const { return m_channelsLast; }

    // Called in step() between each backward pass and the optimizer step that applies it
    // (optimizerG, then optimizerD): data-parallel training averages the gradients there.
    // CapturableStep calls it at the same two points of its eager step.
    using GradientHook = std::function<void(torch::optim::Optimizer &)>;
    void setGradientHook(GradientHook hook) { m_gradientHook = std::move(hook); }

private:
    friend class CapturableStep; // the same passes, with its own optimizers and pools
    torch::Tensor backwardG(const torch::Tensor &realA, const torch::Tensor &realB,
                            torch::Tensor &fakeA, torch::Tensor &fakeB);
    torch::Tensor backwardD(NLayerDiscriminator &net, const torch::Tensor &real,
                            const torch::Tensor &fake);
    static void setRequiresGrad(torch::nn::Module &module, bool requiresGrad);
    torch::Tensor prepareInput(const torch::Tensor &x) const;

    TrainOptions m_options;
    torch::Device m_device;
    torch::ScalarType m_autocastType = torch::kFloat;
    bool m_channelsLast = false;
    GradientHook m_gradientHook;
};

} // namespace cgs
