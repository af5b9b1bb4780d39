#include "core/engine/train/losses.h"

namespace cgs {

torch::Tensor ganLoss(const torch::Tensor &prediction, bool targetIsReal, GanMode mode) {
    // full_like keeps dtype and device and avoids a host-to-device copy of the label.
    const auto target = torch::full_like(prediction, targetIsReal ? 1.0 : 0.0);
    if (mode == GanMode::LSGAN)
        return torch::mse_loss(prediction, target);
    return torch::binary_cross_entropy_with_logits(prediction, target);
}

torch::Tensor l1Loss(const torch::Tensor &a, const torch::Tensor &b) { return torch::l1_loss(a, b); }

} // namespace cgs
