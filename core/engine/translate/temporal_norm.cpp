#include "core/engine/translate/temporal_norm.h"

namespace cgs {
namespace {

constexpr double kEps = 1e-5;

} // namespace

TemporalNorm::TemporalNorm(double weight) : m_weight(weight) {
    TORCH_CHECK(weight >= 0.0 && weight < 1.0, "temporal smoothing weight must be in [0, 1), got ",
                weight);
}

void TemporalNorm::reset() {
    m_slots.clear();
}

torch::Tensor TemporalNorm::forward(ResnetGeneratorImpl &net, const torch::Tensor &x, int slot) {
    Slot &s = m_slots[slot];
    const auto size = x.sizes().vec();
    if (s.inputSize != size) {
        s.inputSize = size;
        s.layers.clear();
    }
    std::size_t layer = 0;
    return run(net.model, x, s, layer);
}

torch::Tensor TemporalNorm::run(torch::nn::Sequential &seq, torch::Tensor x, Slot &slot,
                                std::size_t &layer) {
    for (auto &module : *seq) {
        if (auto block = std::dynamic_pointer_cast<ResnetBlockImpl>(module.ptr())) {
            x = x + run(block->conv_block, x, slot, layer);
        } else if (std::dynamic_pointer_cast<torch::nn::InstanceNorm2dImpl>(module.ptr())) {
            x = normalise(module, x, slot, layer++);
        } else {
            x = module.forward(x);
        }
    }
    return x;
}

torch::Tensor TemporalNorm::normalise(torch::nn::AnyModule &module, const torch::Tensor &x,
                                      Slot &slot, std::size_t layer) {
    const auto var = x.var({2, 3}, /*unbiased=*/false, /*keepdim=*/true);
    const auto mean = x.mean({2, 3}, /*keepdim=*/true);
    if (layer >= slot.layers.size()) {
        // First frame of the slot: the module's own result, bit for bit the per-frame output.
        slot.layers.push_back({mean, var});
        return module.forward(x);
    }
    Stats &s = slot.layers[layer];
    const double past = m_weight;
    s.mean = s.mean.mul(past).add_(mean, 1.0 - past);
    s.var = s.var.mul(past).add_(var, 1.0 - past);
    return (x - s.mean).mul_(s.var.add(kEps).rsqrt_());
}

} // namespace cgs
