#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace cgs {

// Decides whether a video frame starts a new shot, from the input frames alone. Internal to the
// engine (Torch); used to reset TemporalNorm so that statistics never leak across a cut.
//
//   cgs::SceneCutDetector cuts(0.1);
//   for (frame : video) if (cuts.isCut(frame)) norm.reset();
//
// Definition: each frame ([1, C, H, W] in [-1, 1]) is reduced to the means of a 16 x 16 grid of
// blocks per channel (adaptive average pooling). The distance of two frames is the mean absolute
// difference of these block means, on a 0..1 scale (|difference| / 2): 0 for equal frames, 1 for
// black against white. A frame is a cut when its distance to the previous frame exceeds the
// threshold, and always when it is the first frame or its size or channel count differs from
// the previous one. A slow pan, a zoom or a fade moves the block means a little per frame; two
// unrelated shots differ in most blocks. A false cut only costs one frame of per-frame
// statistics (the official output); a missed cut lets the old shot's statistics fade out over
// about 1 / (1 - A) frames. Thread safety: none (one per video).
class SceneCutDetector {
public:
    static constexpr int kGrid = 16;

    // threshold in (0, 1].
    explicit SceneCutDetector(double threshold);

    bool isCut(const torch::Tensor &frame);
    // The distance computed by the last isCut() (-1 when there was no previous frame).
    double lastDistance() const { return m_lastDistance; }
    void reset() { m_previous = torch::Tensor(); }

private:
    double m_threshold;
    double m_lastDistance = -1;
    torch::Tensor m_previous;           // block means of the previous frame
    std::vector<std::int64_t> m_size;    // its [1, C, H, W]
};

} // namespace cgs
