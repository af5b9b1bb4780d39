#include "ui/translate/video_export_job.h"

#include "core/engine/error.h"
#include "core/engine/translate/frame_sequence.h"
#include "core/imageio/video_translation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent>

namespace cgs::ui {

namespace {
constexpr qint64 kReportMs = 100;
} // namespace

VideoExportJob::VideoExportJob(QObject *parent) : QObject(parent) {}

VideoExportJob::~VideoExportJob() {
    cancel();
    m_future.waitForFinished();
}

void VideoExportJob::cancel() {
    if (m_cancel)
        *m_cancel = true;
}

bool VideoExportJob::start(const VideoExportRequest &request) {
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    // Progress crosses to the GUI thread as queued calls; the destructor waits for the job, so
    // `this` outlives every call posted here.
    auto report = [this](const VideoExportProgress &p) {
        QMetaObject::invokeMethod(
            this, [this, p] { emit progressed(p); }, Qt::QueuedConnection);
    };
    m_future = QtConcurrent::run([this, request, cancelFlag, report] {
        const VideoExportOutcome outcome = run(request, *cancelFlag, report);
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                m_running = false;
                emit finished(outcome);
            },
            Qt::QueuedConnection);
    });
    return true;
}

VideoExportOutcome
VideoExportJob::run(const VideoExportRequest &request, const std::atomic<bool> &cancel,
                    const std::function<void(const VideoExportProgress &)> &report) {
    VideoExportOutcome outcome;
    outcome.input = request.input;
    outcome.output = request.output;
    QElapsedTimer sinceReport;
    sinceReport.start();
    // Boundary of a pool thread: every failure ends up in the outcome.
    try {
        if (QFileInfo(request.input).canonicalFilePath() ==
            QFileInfo(request.output).canonicalFilePath())
            throw cgs::ConfigError("Cannot write video '" + request.output.toStdString() +
                                   "': it is the input video; choose another file name");
        // A Translator of its own: the preview's keeps serving the slider meanwhile.
        const cgs::Translator translator(request.model);
        cgs::FrameSequenceOptions smoothing;
        smoothing.smoothing = request.temporalSmoothing;
        cgs::FrameSequence sequence(smoothing);
        const cgs::VideoResult r = cgs::translateVideo(
            request.input.toStdString(), request.output.toStdString(), {},
            [&](const cgs::Image &frame, const std::atomic<bool> &stop) {
                return translator.translateFrame(frame, sequence, &stop);
            },
            cancel,
            [&](const cgs::VideoProgress &p) {
                if (sinceReport.elapsed() >= kReportMs || p.frame == p.total) {
                    report({p.frame, p.total, p.framesPerSecond, p.etaSeconds});
                    sinceReport.restart();
                }
            });
        outcome.frames = r.frames;
        outcome.width = r.width;
        outcome.height = r.height;
        outcome.fps = r.fps;
        outcome.codec = QString::fromStdString(r.codec);
        outcome.audio = QString::fromStdString(cgs::describe(r.audio));
        outcome.seconds = r.seconds;
    } catch (const cgs::Cancelled &) {
        outcome.cancelled = true;
    } catch (const std::exception &e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace cgs::ui
