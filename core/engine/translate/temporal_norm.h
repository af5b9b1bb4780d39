#pragma once

#include "core/engine/nn/resnet_generator.h"

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <vector>

namespace cgs {

// Instance normalisation with statistics carried from one video frame to the next: the
// "stateful instance norm" inference mode behind --temporal_smoothing. Internal to the engine.
//
//   cgs::TemporalNorm norm(0.8);                 // weight of the past
//   y0 = norm.forward(*net, frame0, 0);          // frame 0: its own statistics (exact IN)
//   y1 = norm.forward(*net, frame1, 0);          // frame 1: smoothed statistics
//   norm.reset();                                // scene cut: the next frame starts afresh
//
// forward() runs the generator's layers in order as ResnetGeneratorImpl::forward does, but each
// InstanceNorm2d layer l normalises with an exponential moving average of its per-channel
// statistics over the frames:
//     m_l(t) = A * m_l(t-1) + (1 - A) * mean_l(t),   v_l(t) = A * v_l(t-1) + (1 - A) * var_l(t)
//     y = (x - m_l(t)) / sqrt(v_l(t) + eps),  eps = 1e-5 (torch's InstanceNorm2d default)
// where mean_l(t) and var_l(t) (biased, as instance norm uses) are those of the frame itself.
// The first frame of a slot (and the first after reset()) is normalised by the module itself,
// so it equals the per-frame output bit for bit. A = 0 gives the per-frame statistics, up to
// float rounding. Statistics are kept per `slot` (one per tile position when a frame is tiled)
// and per layer; a slot whose input size changes starts afresh. Only for affine-free,
// statistics-free instance norm (the CycleGAN generator). Thread safety: none (one per video).
class TemporalNorm {
public:
    // weight: A in [0, 1).
    explicit TemporalNorm(double weight);

    torch::Tensor forward(ResnetGeneratorImpl &net, const torch::Tensor &x, int slot);
    void reset();
    double weight() const { return m_weight; }

private:
    struct Stats {
        torch::Tensor mean; // [1, C, 1, 1]
        torch::Tensor var;  // [1, C, 1, 1]
    };
    struct Slot {
        std::vector<std::int64_t> inputSize;
        std::vector<Stats> layers; // in the order the layers run
    };
    torch::Tensor run(torch::nn::Sequential &seq, torch::Tensor x, Slot &slot, std::size_t &layer);
    torch::Tensor normalise(torch::nn::AnyModule &module, const torch::Tensor &x, Slot &slot,
                            std::size_t layer);

    double m_weight;
    std::map<int, Slot> m_slots;
};

} // namespace cgs
