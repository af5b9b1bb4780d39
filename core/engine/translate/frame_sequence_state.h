#pragma once

#include "core/engine/translate/frame_sequence.h"
#include "core/engine/translate/scene_cut_detector.h"
#include "core/engine/translate/temporal_norm.h"

namespace cgs {

// What a FrameSequence holds; engine-internal (Torch). See frame_sequence.h.
struct FrameSequence::State {
    explicit State(const FrameSequenceOptions &o)
        : options(o), norm(o.smoothing), cuts(o.sceneCutThreshold) {}
    FrameSequenceOptions options;
    TemporalNorm norm;
    SceneCutDetector cuts;
    std::int64_t frames = 0;
    std::int64_t sceneCuts = 0;
    bool lastWasCut = false;
};

} // namespace cgs
