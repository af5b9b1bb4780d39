#pragma once

#include <torch/torch.h>

#include <vector>

namespace cgs {

// Adam for the capturable step (PyTorch's Adam with capturable=True): the step
// count and the learning rate are tensors on the parameters' device, so a step has no host
// synchronisation and no host value that changes between steps, and can be replayed from a
// CUDA graph. Same update as the wrapped torch::optim::Adam (no weight decay, no amsgrad):
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  p −= lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)
// on the CPU bit for bit as torch::optim::Adam (bias corrections in double, on the device), on
// CUDA through PyTorch's fused Adam where the LibTorch version has one (torch_compat.h).
//
// It works on the moment tensors of `adam`'s state (created, zero, where missing), so
// checkpoints of `adam` hold its moments; syncToOptimizer() writes the step count and the
// learning rate back into `adam` before such a checkpoint, and the constructor takes them from
// it (a resumed run continues where the checkpoint was). `adam` must outlive this object and
// must not step while this object is used. Not thread safe.
class CapturableAdam {
public:
    explicit CapturableAdam(torch::optim::Adam &adam);

    // Sets the learning rate tensor (a device write; no synchronisation).
    void setLearningRate(double lr);
    // Drops the gradients (set to none, as LibTorch 2.x's zero_grad()), so the next backward
    // allocates them: inside a captured graph they live in the graph's memory pool.
    void zeroGrad();
    // One Adam step with the current gradients (parameters without one are skipped).
    void step();

    // Writes the step count (a host read) and the learning rate into `adam`'s state.
    void syncToOptimizer();

private:
    torch::optim::Adam &m_adam;
    std::vector<torch::Tensor> m_params, m_expAvg, m_expAvgSq;
    torch::Tensor m_step; // float64 scalar on the parameters' device
    torch::Tensor m_lr;   // float64 scalar on the parameters' device
    double m_lrHost = 0;  // last value given to setLearningRate()
    double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-8;
};

} // namespace cgs
