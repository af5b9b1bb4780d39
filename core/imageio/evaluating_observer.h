#pragma once

// The --eval_freq hook of training: a TrainingObserver that passes every report on to another
// observer and, when an epoch checkpoint (epoch_NNNN) is saved whose epoch is a multiple of
// `everyEpochs`, hands its folder to a BackgroundEvaluator, which appends the metrics to the
// run's metrics.csv (core/engine/metrics/metrics_log.h) while training continues. The trainer
// needs no change: it already reports checkpointSaved(). Evaluation results and failures reach
// the inner observer's logged() from the evaluation thread (Info / Warning).
//
//   cgs::EvaluatingObserver observer(console, evalOptions, runDir, 5);   // every 5 epochs
//   trainer.run(observer, control);
//   observer.finish();                    // wait for queued evaluations (skip after Ctrl-C)

#include "core/engine/train/training_observer.h"
#include "core/imageio/background_evaluator.h"

#include <memory>
#include <mutex>

namespace cgs {

class EvaluatingObserver : public TrainingObserver {
public:
    // `inner` must outlive this object. Throws ConfigError for everyEpochs < 1.
    EvaluatingObserver(TrainingObserver &inner, const EvalOptions &options,
                       const std::string &runDir, int everyEpochs);

    void stepFinished(const StepReport &r) override { m_inner.stepFinished(r); }
    void previewReady(const PreviewReport &r) override { m_inner.previewReady(r); }
    void checkpointSaved(const CheckpointReport &r) override;
    void logged(LogLevel level, const std::string &message) override;

    // Blocks until the queued evaluations are done.
    void finish() { m_evaluator->finish(); }

private:
    TrainingObserver &m_inner;
    std::mutex m_logMutex; // logged() is called from the training and the evaluation threads
    int m_everyEpochs;
    std::unique_ptr<BackgroundEvaluator> m_evaluator;
};

} // namespace cgs
