#pragma once

#include <cstdint>
#include <memory>

namespace cgs {

struct FrameSequenceOptions {
    // --temporal_smoothing A: weight of the past in the moving average of the generator's
    // instance-norm statistics, in [0, 1). 0 = off: every frame is translated on its own,
    // exactly as Translator::translate does (the official output).
    double smoothing = 0.0;
    // Scene-cut threshold on the 0..1 distance of consecutive input frames (see
    // SceneCutDetector in scene_cut_detector.h: mean absolute difference of 16 x 16 block
    // means). In (0, 1].
    double sceneCutThreshold = 0.1;
    // Throws ConfigError naming --temporal_smoothing or the threshold when out of range.
    void validate() const;
};

// The state one video carries from frame to frame through Translator::translateFrame(): the
// smoothed instance-norm statistics and the scene-cut detector. Torch-free facade (pimpl), so
// imageio, the CLI and the UI can hold one per video.
//
//   cgs::FrameSequence sequence({0.8});
//   for (const cgs::Image &frame : frames) out.push_back(translator.translateFrame(frame, sequence));
//
// A sequence is meant for the frames of one video in order; use a new one (or reset()) for
// another video or after a seek. With tiling (frames above the translator's tile size) each
// tile position keeps its own statistics, as the per-frame path normalises each tile on its
// own: smoothing then works per tile. Thread safety: none; use from one thread at a time.
class FrameSequence {
public:
    // Throws ConfigError (options.validate()).
    explicit FrameSequence(const FrameSequenceOptions &options = {});
    ~FrameSequence();
    FrameSequence(FrameSequence &&) noexcept;
    FrameSequence &operator=(FrameSequence &&) noexcept;

    const FrameSequenceOptions &options() const;
    // Frames translated so far, and how many of them started a new shot (the first frame
    // counts as one; with smoothing off no cuts are looked for and this stays 0).
    std::int64_t frames() const;
    std::int64_t sceneCuts() const;
    // Whether the last translated frame was taken as a cut.
    bool lastFrameWasCut() const;
    // Forget all statistics: the next frame is translated on its own.
    void reset();

    // Engine-internal state (TemporalNorm + SceneCutDetector), defined in
    // frame_sequence_state.h.
    struct State;
    State &state();

private:
    std::unique_ptr<State> m_state;
};

} // namespace cgs
