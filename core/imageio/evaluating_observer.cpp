#include "core/imageio/evaluating_observer.h"

#include "core/engine/error.h"

#include <cstdlib>

namespace cgs {

EvaluatingObserver::EvaluatingObserver(TrainingObserver &inner, const EvalOptions &options,
                                       const std::string &runDir, int everyEpochs)
    : m_inner(inner), m_everyEpochs(everyEpochs) {
    if (everyEpochs < 1)
        throw ConfigError("--eval_freq must be >= 1 (epochs), not " + std::to_string(everyEpochs));
    m_evaluator = std::make_unique<BackgroundEvaluator>(
        options, runDir,
        [this](LogLevel level, const std::string &message) { logged(level, message); });
}

void EvaluatingObserver::checkpointSaved(const CheckpointReport &r) {
    m_inner.checkpointSaved(r);
    // The epoch is the one in the tag (epoch_0005 = 5 epochs done), as --save_epoch_freq counts.
    if (r.tag.rfind("epoch_", 0) != 0)
        return;
    const int epoch = std::atoi(r.tag.c_str() + 6);
    if (epoch > 0 && epoch % m_everyEpochs == 0)
        m_evaluator->enqueue(r.path);
}

void EvaluatingObserver::logged(LogLevel level, const std::string &message) {
    std::lock_guard<std::mutex> lock(m_logMutex);
    m_inner.logged(level, message);
}

} // namespace cgs
