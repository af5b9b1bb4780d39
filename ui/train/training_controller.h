#pragma once

#include "core/engine/train/train_control.h"
#include "ui/core_meta_types.h"
#include "ui/train/preview_frame.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace cgs::ui {

class TrainingWorker;

// Runs trainings off the GUI thread (docs/ARCHITECTURE.md "Threads"). Owns a QThread by value
// and a TrainingWorker living in it; a run starts through a queued signal, and pause, resume
// and stop are requests on a cgs::TrainControl that the trainer honours between steps.
// All methods are for the GUI thread. The destructor stops a running training and waits for
// the thread (the current step and the stop checkpoint finish first); it never terminates it.
class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }

public slots:
    // Starts a run; returns false (and does nothing) while another one is active.
    bool start(const cgs::TrainOptions &options);
    void pause();
    void resume();
    // Asks the run to stop after the current step; harmless when idle or already stopping.
    void stop();

signals:
    void stateChanged(cgs::ui::TrainingController::State state);
    void trainingStarted(const QString &deviceDescription, qint64 startIteration,
                         const QString &runDir);
    void stepsFinished(const QVector<cgs::StepReport> &steps);
    void previewArrived(const cgs::ui::PreviewFrame &frame);
    void checkpointWritten(const QString &tag, const QString &path, qint64 iteration);
    void messageLogged(cgs::LogLevel level, const QString &message);
    // completed: all epochs done (false when stopped).
    void trainingFinished(bool completed, qint64 iterations, const QString &runDir);
    void trainingFailed(cgs::ErrorKind kind, const QString &message);

    // Internal: carries a run to the worker's thread.
    void runRequested(const cgs::TrainOptions &options);

private:
    void setState(State state);
    void handleStarted(const QString &device, qint64 startIteration, const QString &runDir);
    void handleFinished(bool completed, qint64 iterations, const QString &runDir);
    void handleFailed(cgs::ErrorKind kind, const QString &message);

    cgs::TrainControl m_control;
    QThread m_thread;
    QPointer<TrainingWorker> m_worker;
    State m_state = State::Idle;
};

} // namespace cgs::ui
