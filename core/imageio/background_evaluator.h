#pragma once

// Evaluates checkpoints while training goes on (training's --eval_freq): the training host hands
// over each saved epoch checkpoint folder; one worker thread evaluates them in the order given,
// one at a time, with CheckpointEvaluator (translator and Inception instances of its own), and
// appends the rows to the run's metrics.csv (MetricsLog). Scheduling: the worker runs at a lower
// OS priority (nice + 10 on Linux, for its thread only) so the training loop's host thread keeps
// the CPU when both want it; on a GPU its kernels interleave with the training step's, a batch
// of a few images at a time, so a step waits at most for one such batch. Failures (a missing
// test folder, no Inception weights) are reported through the message handler and never stop
// training.
//
//   cgs::BackgroundEvaluator eval(options, runDir, [](cgs::LogLevel, const std::string &m) {...});
//   eval.enqueue("runs/x/checkpoints/epoch_0005");   // returns at once
//   eval.finish();                                   // at the end of training: drain the queue
//
// Thread safety: enqueue(), finish() and the destructor may be called from any one thread; the
// message handler is called on the worker thread.

#include "core/engine/train/training_observer.h"
#include "core/imageio/checkpoint_evaluator.h"

#include <functional>
#include <memory>
#include <string>

namespace cgs {

class BackgroundEvaluator {
public:
    // Info for each evaluated checkpoint's metrics, Warning for one that could not be evaluated.
    using MessageHandler = std::function<void(LogLevel level, const std::string &message)>;

    // `options` gives test folders, metrics, weights and device; its model and epoch are set per
    // checkpoint. Starts the worker thread.
    BackgroundEvaluator(EvalOptions options, std::string runDir, MessageHandler onMessage);
    // Abandons queued checkpoints, cancels the current one and joins the thread.
    ~BackgroundEvaluator();
    BackgroundEvaluator(const BackgroundEvaluator &) = delete;
    BackgroundEvaluator &operator=(const BackgroundEvaluator &) = delete;

    void enqueue(const std::string &checkpointDir);
    // Blocks until every queued checkpoint is evaluated.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cgs
