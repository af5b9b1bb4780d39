#pragma once

#include "core/engine/torch_compat.h"
#include "core/engine/train/capturable_adam.h"
#include "core/engine/train/device_image_pool.h"

#include <torch/torch.h>

#include <memory>

namespace cgs {

class CycleGanModel;

// How CapturableStep runs its step.
enum class StepExecution {
    Eager,    // launched op by op (any device; the CPU tests run this)
    CudaGraph // captured once as one CUDA graph after warm-up, then replayed (CUDA only)
};

// The capturable training step, for images of one size: the same math as
// CycleGanModel::step() (G forward/backward/update with the discriminators frozen, then D
// forward/backward/update on pooled fakes), but free of host synchronisation and of host
// values that change between steps, so that it can be captured as one CUDA graph:
// - the image pools decide on the device (DeviceImagePool: draws every step);
// - Adam's step counts and the learning rate are device tensors (CapturableAdam);
// - the inputs are copied into static buffers (pinned host memory and non-blocking copies
//   when they come from the CPU and the model is on a GPU); the losses come back as a device
//   tensor that the caller reads when it wants (every N steps).
// It trains `model`'s networks and shares its optimizers' moments; the pools and the Adam
// step counts live here while it is used: syncToModel() writes them back into `model` (a host
// synchronisation) before a checkpoint of `model` is saved, and the constructor takes them
// from `model` (a loaded checkpoint continues, whichever step saved it).
// With pool size 0 it trains the same networks as CycleGanModel::step() on the CPU (its Adam
// computes what torch::optim::Adam computes; tests: within 1e-5 over 20 steps and an lr change).
// Throws c10::Error when the shapes change under a graph, or CudaGraph without CUDA.
// The model's gradient hook (CycleGanModel::setGradientHook: data-parallel averaging) runs
// between each backward and its Adam step as in CycleGanModel::step(); it is a host-side
// collective, so a CudaGraph step must not have one (the trainer refuses --cuda_graph with
// several processes).
// Not thread safe; `model` must outlive it and must not step itself meanwhile.
class CapturableStep {
public:
    CapturableStep(CycleGanModel &model, StepExecution execution);

    // One step on batches [N, 3, H, W] in [-1, 1] (any device; copied to the model's). Returns
    // the eight losses (LossIndex order) as a new float tensor [8] on the model's device.
    torch::Tensor step(const torch::Tensor &realA, const torch::Tensor &realB);

    // Learning rate of both optimizers from the next step on (device write, no sync).
    void setLearningRate(double lr);

    // Writes the pools' contents and the Adam step counts into the model (host sync).
    void syncToModel();

    StepExecution execution() const { return m_execution; }

private:
    void run(); // the step on m_realA / m_realB, writing m_losses
    void copyInputs(const torch::Tensor &realA, const torch::Tensor &realB);

    CycleGanModel &m_model;
    StepExecution m_execution;
    CapturableAdam m_adamG, m_adamD;
    DeviceImagePool m_poolA, m_poolB; // fakes of domain A (for D_B) and of domain B (for D_A)
    torch::Tensor m_realA, m_realB;   // static inputs on the model's device
    torch::Tensor m_losses;           // [8] written by run()
    compat::CudaGraph m_graph;
    int m_warmupSteps = 0; // eager steps run before the capture
};

} // namespace cgs
