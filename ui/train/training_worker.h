#pragma once

#include "core/engine/train/training_observer.h"
#include "ui/core_meta_types.h"
#include "ui/train/preview_frame.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVector>

namespace cgs {
class TrainControl;
struct TrainOptions;
} // namespace cgs

namespace cgs::ui {

// Lives in the TrainingController's thread and owns the cgs::Trainer for the length of one
// run. It adapts the core's TrainingObserver calls to queued Qt signals carrying values only
// (docs/ARCHITECTURE.md "Threads"): step reports are batched (at most ~10 emissions a second), preview
// images are deep-copied to QImage here, off the GUI thread.
class TrainingWorker : public QObject, private cgs::TrainingObserver {
    Q_OBJECT
public:
    // control is owned by the controller and outlives the worker.
    explicit TrainingWorker(cgs::TrainControl &control, QObject *parent = nullptr);

public slots:
    // Runs one training to its end, a stop request or a failure; blocks this thread meanwhile.
    // Emits started, then stepsFinished/previewArrived/..., then exactly one of finished/failed.
    void run(const cgs::TrainOptions &options);

signals:
    void started(const QString &deviceDescription, qint64 startIteration, const QString &runDir);
    void stepsFinished(const QVector<cgs::StepReport> &steps);
    void previewArrived(const cgs::ui::PreviewFrame &frame);
    void checkpointWritten(const QString &tag, const QString &path, qint64 iteration);
    void messageLogged(cgs::LogLevel level, const QString &message);
    void finished(bool completed, qint64 iterations, const QString &runDir);
    // kind: the category of the core's error (Other for anything that is no cgs::Error).
    void failed(cgs::ErrorKind kind, const QString &message);

private:
    void stepFinished(const cgs::StepReport &report) override;
    void previewReady(const cgs::PreviewReport &report) override;
    void checkpointSaved(const cgs::CheckpointReport &report) override;
    void logged(cgs::LogLevel level, const std::string &message) override;
    void flushSteps();

    cgs::TrainControl &m_control;
    QVector<cgs::StepReport> m_pending;
    QElapsedTimer m_sinceFlush;
};

} // namespace cgs::ui
