#include "ui/train/training_worker.h"

#include "core/engine/error.h"
#include "core/engine/train/train_control.h"
#include "core/engine/train/trainer.h"
#include "core/imageio/folder_source.h"
#include "core/imageio/png_writer.h"
#include "ui/widgets/image_convert.h"

namespace cgs::ui {

namespace {
constexpr qint64 kStepFlushMs = 100;
} // namespace

TrainingWorker::TrainingWorker(cgs::TrainControl &control, QObject *parent)
    : QObject(parent), m_control(control)
{
}

void TrainingWorker::run(const cgs::TrainOptions &options)
{
    m_pending.clear();
    m_sinceFlush.start();
    // Boundary of the training thread: nothing may escape from here, every failure becomes a
    // `failed` signal so that the page can show it and the controller can go back to idle.
    try {
        auto source = std::make_unique<cgs::FolderSource>(options);
        source->setWarningHandler([this](const std::string &message) {
            emit messageLogged(cgs::LogLevel::Warning, QString::fromStdString(message));
        });
        cgs::Trainer trainer(options, std::move(source), std::make_shared<cgs::PngWriter>());
        emit started(QString::fromStdString(trainer.deviceDescription()), trainer.iteration(),
                     QString::fromStdString(trainer.options().runDir()));
        const cgs::TrainSummary summary = trainer.run(*this, m_control);
        flushSteps();
        emit finished(summary.finished, summary.iterations, QString::fromStdString(summary.runDir));
    } catch (const std::exception &e) {
        flushSteps();
        emit failed(cgs::errorKindOf(e), QString::fromStdString(e.what()));
    } catch (...) {
        flushSteps();
        emit failed(cgs::ErrorKind::Other, tr("unknown error"));
    }
}

void TrainingWorker::stepFinished(const cgs::StepReport &report)
{
    m_pending.append(report);
    // Flush at once before a pause or stop takes effect, so the plot is complete meanwhile.
    if (m_pending.size() == 1 && report.iteration <= 1)
        flushSteps();
    else if (m_sinceFlush.elapsed() >= kStepFlushMs || m_control.pauseRequested() ||
             m_control.stopRequested())
        flushSteps();
}

void TrainingWorker::flushSteps()
{
    if (!m_pending.isEmpty()) {
        emit stepsFinished(m_pending);
        m_pending.clear();
    }
    m_sinceFlush.restart();
}

void TrainingWorker::previewReady(const cgs::PreviewReport &report)
{
    PreviewFrame frame;
    frame.iteration = report.iteration;
    frame.epoch = report.epoch;
    for (const auto &[name, image] : report.images) {
        frame.names << QString::fromStdString(name);
        frame.images << toQImage(image);
    }
    frame.grid = toQImage(report.grid);
    frame.path = QString::fromStdString(report.path);
    emit previewArrived(frame);
}

void TrainingWorker::checkpointSaved(const cgs::CheckpointReport &report)
{
    emit checkpointWritten(QString::fromStdString(report.tag), QString::fromStdString(report.path),
                         report.iteration);
}

void TrainingWorker::logged(cgs::LogLevel level, const std::string &message)
{
    emit messageLogged(level, QString::fromStdString(message));
}

} // namespace cgs::ui
