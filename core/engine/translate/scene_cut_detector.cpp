#include "core/engine/translate/scene_cut_detector.h"

namespace cgs {

SceneCutDetector::SceneCutDetector(double threshold) : m_threshold(threshold) {
    TORCH_CHECK(threshold > 0.0 && threshold <= 1.0, "scene cut threshold must be in (0, 1], got ",
                threshold);
}

bool SceneCutDetector::isCut(const torch::Tensor &frame) {
    TORCH_CHECK(frame.dim() == 4 && frame.size(0) == 1, "SceneCutDetector expects [1, C, H, W]");
    const auto blocks = torch::adaptive_avg_pool2d(frame.to(torch::kFloat32), {kGrid, kGrid});
    const auto size = frame.sizes().vec();
    const bool comparable = m_previous.defined() && m_size == size;
    m_lastDistance =
        comparable ? blocks.sub(m_previous).abs_().mean().item<double>() / 2.0 : -1.0;
    m_previous = blocks;
    m_size = size;
    return !comparable || m_lastDistance > m_threshold;
}

} // namespace cgs
