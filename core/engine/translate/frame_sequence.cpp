#include "core/engine/translate/frame_sequence.h"

#include "core/engine/error.h"
#include "core/engine/translate/frame_sequence_state.h"

#include <sstream>

namespace cgs {

void FrameSequenceOptions::validate() const {
    if (!(smoothing >= 0.0 && smoothing < 1.0)) {
        std::ostringstream s;
        s << "--temporal_smoothing must be in [0, 1) (weight of the past; 0 = off), got "
          << smoothing;
        throw ConfigError(s.str());
    }
    if (!(sceneCutThreshold > 0.0 && sceneCutThreshold <= 1.0)) {
        std::ostringstream s;
        s << "Scene-cut threshold must be in (0, 1], got " << sceneCutThreshold;
        throw ConfigError(s.str());
    }
}

FrameSequence::FrameSequence(const FrameSequenceOptions &options) {
    options.validate();
    m_state = std::make_unique<State>(options);
}

FrameSequence::~FrameSequence() = default;
FrameSequence::FrameSequence(FrameSequence &&) noexcept = default;
FrameSequence &FrameSequence::operator=(FrameSequence &&) noexcept = default;

const FrameSequenceOptions &FrameSequence::options() const {
    return m_state->options;
}

std::int64_t FrameSequence::frames() const {
    return m_state->frames;
}

std::int64_t FrameSequence::sceneCuts() const {
    return m_state->sceneCuts;
}

bool FrameSequence::lastFrameWasCut() const {
    return m_state->lastWasCut;
}

void FrameSequence::reset() {
    m_state->norm.reset();
    m_state->cuts.reset();
}

FrameSequence::State &FrameSequence::state() {
    return *m_state;
}

} // namespace cgs
