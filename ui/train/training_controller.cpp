#include "ui/train/training_controller.h"

#include "ui/train/training_worker.h"

namespace cgs::ui {

TrainingController::TrainingController(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("cgs-training"));
    auto *worker = new TrainingWorker(m_control);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &TrainingController::runRequested, worker, &TrainingWorker::run,
            Qt::QueuedConnection);
    connect(worker, &TrainingWorker::started, this, &TrainingController::handleStarted);
    connect(worker, &TrainingWorker::stepsFinished, this, &TrainingController::stepsFinished);
    connect(worker, &TrainingWorker::previewArrived, this, &TrainingController::previewArrived);
    connect(worker, &TrainingWorker::checkpointWritten, this,
            &TrainingController::checkpointWritten);
    connect(worker, &TrainingWorker::messageLogged, this, &TrainingController::messageLogged);
    connect(worker, &TrainingWorker::finished, this, &TrainingController::handleFinished);
    connect(worker, &TrainingWorker::failed, this, &TrainingController::handleFailed);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    // The worker's event loop is blocked inside Trainer::run: the atomic flag reaches it, the
    // quit() is processed once run() has returned. Never terminate(): that would leave the run
    // folder and the Torch state half written.
    m_control.requestStop();
    m_thread.quit();
    m_thread.wait();
    delete m_worker.data(); // only still alive if the thread's deferred deletes did not run
}

bool TrainingController::start(const cgs::TrainOptions &options)
{
    if (isActive())
        return false;
    m_control.reset();
    setState(State::Starting);
    emit runRequested(options);
    return true;
}

void TrainingController::pause()
{
    if (m_state != State::Running && m_state != State::Starting)
        return;
    m_control.requestPause();
    setState(State::Paused);
}

void TrainingController::resume()
{
    if (m_state != State::Paused)
        return;
    m_control.resume();
    setState(State::Running);
}

void TrainingController::stop()
{
    if (m_state == State::Idle || m_state == State::Stopping)
        return;
    m_control.requestStop(); // also wakes a paused trainer
    setState(State::Stopping);
}

void TrainingController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TrainingController::handleStarted(const QString &device, qint64 startIteration,
                                       const QString &runDir)
{
    if (m_state == State::Starting)
        setState(State::Running);
    emit trainingStarted(device, startIteration, runDir);
}

void TrainingController::handleFinished(bool completed, qint64 iterations, const QString &runDir)
{
    m_control.reset();
    setState(State::Idle);
    emit trainingFinished(completed, iterations, runDir);
}

void TrainingController::handleFailed(cgs::ErrorKind kind, const QString &message) {
    m_control.reset();
    setState(State::Idle);
    emit trainingFailed(kind, message);
}

} // namespace cgs::ui
