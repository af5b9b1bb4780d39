#include "core/engine/train/capturable_step.h"

#include "core/engine/train/cycle_gan_model.h"

namespace cgs {
namespace {

constexpr int kGraphWarmupSteps = 3; // eager steps on the side stream before the capture

// ImagePool's stored images [1, C, H, W] each <-> DeviceImagePool's state [k, C, H, W] (one size:
// the capturable step only trains on images of one size).
torch::Tensor stacked(const std::vector<torch::Tensor> &images) {
    return images.empty() ? torch::empty({0}) : torch::cat(images, 0);
}

std::vector<torch::Tensor> unstacked(const torch::Tensor &state) {
    return state.dim() == 4 ? state.split(1, 0) : std::vector<torch::Tensor>{};
}

} // namespace

CapturableStep::CapturableStep(CycleGanModel &model, StepExecution execution)
    : m_model(model), m_execution(execution), m_adamG(*model.optimizerG),
      m_adamD(*model.optimizerD), m_poolA(model.fakeAPool.poolSize()),
      m_poolB(model.fakeBPool.poolSize()) {
    TORCH_CHECK(execution != StepExecution::CudaGraph || model.device().is_cuda(),
                "--cuda_graph on needs a CUDA device (training runs on ", model.device().str(),
                ")");
    m_poolA.loadState(stacked(model.fakeAPool.storedImages()), model.device());
    m_poolB.loadState(stacked(model.fakeBPool.storedImages()), model.device());
}

void CapturableStep::setLearningRate(double lr) {
    m_adamG.setLearningRate(lr);
    m_adamD.setLearningRate(lr);
}

void CapturableStep::syncToModel() {
    m_adamG.syncToOptimizer();
    m_adamD.syncToOptimizer();
    m_model.fakeAPool.loadStoredImages(unstacked(m_poolA.state()), m_model.device());
    m_model.fakeBPool.loadStoredImages(unstacked(m_poolB.state()), m_model.device());
}

void CapturableStep::copyInputs(const torch::Tensor &realA, const torch::Tensor &realB) {
    const bool sameShape = m_realA.defined() && m_realA.sizes().equals(realA.sizes()) &&
                           m_realB.sizes().equals(realB.sizes());
    TORCH_CHECK(sameShape || !m_graph.captured(),
                "the CUDA graph step needs images of one size: captured for ", m_realA.sizes(),
                ", got ", realA.sizes());
    if (!sameShape) {
        m_realA = torch::empty(realA.sizes(), realA.options().device(m_model.device()));
        m_realB = torch::empty(realB.sizes(), realB.options().device(m_model.device()));
    }
    // Host batches go through pinned memory, so the copies to the GPU do not block the host.
    const bool pin = m_model.device().is_cuda();
    m_realA.copy_(pin && realA.is_cpu() ? realA.pin_memory() : realA, /*non_blocking=*/pin);
    m_realB.copy_(pin && realB.is_cpu() ? realB.pin_memory() : realB, /*non_blocking=*/pin);
}

torch::Tensor CapturableStep::step(const torch::Tensor &realA, const torch::Tensor &realB) {
    copyInputs(realA, realB);
    if (m_execution == StepExecution::Eager) {
        run();
    } else if (m_warmupSteps < kGraphWarmupSteps) {
        // The first steps run eagerly on a side stream (allocations, cuBLAS/cuDNN choices,
        // lazy initialisations), then one is captured (which runs nothing) and replayed.
        m_graph.runOnSideStream(m_model.device(), [this] { run(); });
        ++m_warmupSteps;
    } else {
        if (!m_graph.captured())
            m_graph.capture(m_model.device(), [this] { run(); });
        m_graph.replay();
    }
    return m_losses.clone();
}

void CapturableStep::run() {
    CycleGanModel &m = m_model;
    const auto realA = m.prepareInput(m_realA), realB = m.prepareInput(m_realB);
    compat::AutocastGuard autocast(m.device(), m.m_autocastType);
    torch::Tensor fakeA, fakeB;
    CycleGanModel::setRequiresGrad(*m.netDA, false);
    CycleGanModel::setRequiresGrad(*m.netDB, false);
    m_adamG.zeroGrad();
    const auto g = m.backwardG(realA, realB, fakeA, fakeB);
    if (m.m_gradientHook) // data-parallel: average over the ranks (eager only: not capturable)
        m.m_gradientHook(*m.optimizerG);
    m_adamG.step();
    CycleGanModel::setRequiresGrad(*m.netDA, true);
    CycleGanModel::setRequiresGrad(*m.netDB, true);
    m_adamD.zeroGrad();
    const auto dA = m.backwardD(m.netDA, realB, m_poolB.query(fakeB));
    const auto dB = m.backwardD(m.netDB, realA, m_poolA.query(fakeA));
    if (m.m_gradientHook)
        m.m_gradientHook(*m.optimizerD);
    m_adamD.step();
    const auto losses = torch::stack({dA, g[0], g[1], g[2], dB, g[3], g[4], g[5]}).to(torch::kFloat);
    if (!m_losses.defined())
        m_losses = torch::empty_like(losses);
    m_losses.copy_(losses);
}

} // namespace cgs
