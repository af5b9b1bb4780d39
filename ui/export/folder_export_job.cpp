#include "ui/export/folder_export_job.h"

#include "core/imageio/batch_export.h"
#include "core/imageio/image_codec.h"

#include <QElapsedTimer>
#include <QtConcurrent>

namespace cgs::ui {

namespace {
constexpr qint64 kReportMs = 100;
} // namespace

FolderExportJob::FolderExportJob(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cgs::ui::ExportProgress>("cgs::ui::ExportProgress");
    qRegisterMetaType<cgs::ui::ExportSummary>("cgs::ui::ExportSummary");
}

FolderExportJob::~FolderExportJob()
{
    cancel();
    m_future.waitForFinished();
}

void FolderExportJob::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

bool FolderExportJob::start(const ExportRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    // Progress crosses to the GUI thread as queued calls; the destructor waits for the job, so
    // `this` outlives every call posted here.
    auto report = [this](const ExportProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] { emit progressed(p); }, Qt::QueuedConnection);
    };
    m_future = QtConcurrent::run([this, request, cancelFlag, report] {
        ExportSummary summary = run(request, *cancelFlag, report);
        QMetaObject::invokeMethod(this, [this, summary] {
            m_running = false;
            emit finished(summary);
        }, Qt::QueuedConnection);
    });
    return true;
}

ExportSummary FolderExportJob::run(const ExportRequest &request, const std::atomic<bool> &cancel,
                                   const std::function<void(const ExportProgress &)> &report)
{
    ExportSummary summary;
    QElapsedTimer sinceReport;
    sinceReport.start();
    auto convert = [](const cgs::ExportProgress &p) {
        ExportProgress q;
        q.done = static_cast<int>(p.translated);
        q.skipped = static_cast<int>(p.skipped);
        q.failed = static_cast<int>(p.failed);
        q.total = static_cast<int>(p.total);
        q.imagesPerSecond = p.imagesPerSecond;
        q.etaSeconds = p.etaSeconds;
        q.current = QString::fromStdString(p.currentFile);
        q.videoFrame = p.video.frame;
        q.videoFrames = p.video.total;
        q.framesPerSecond = p.video.framesPerSecond;
        return q;
    };
    // Boundary of a pool thread: failures of single files are in the summary; anything else
    // (no model, bad options, output folder not writable) ends the export with `error` set.
    try {
        cgs::BatchExportOptions options;
        for (const QString &dir : request.inputDirs)
            options.inputs.push_back(dir.toStdString());
        options.outputDir = request.outputDir.toStdString();
        options.recursion = request.recursive ? cgs::Recursion::IncludeSubfolders
                                              : cgs::Recursion::TopLevelOnly;
        options.format = request.format.toStdString();
        options.quality = request.quality;
        options.overwrite = request.overwrite;
        options.validate();
        cgs::Translator translator(request.model);
        cgs::BatchExporter exporter(options, [&translator](const cgs::Image &in,
                                                           const std::atomic<bool> &stop) {
            return translator.translate(in, &stop);
        });
        const cgs::ExportSummary result = exporter.run(cancel, [&](const cgs::ExportProgress &p) {
            if (sinceReport.elapsed() >= kReportMs) {
                report(convert(p));
                sinceReport.restart();
            }
        });
        summary.progress = convert(result.progress);
        for (const cgs::ExportFailure &f : result.failures)
            summary.failures.push_back(
                {QString::fromStdString(f.path), QString::fromStdString(f.reason)});
        summary.cancelled = result.cancelled;
        summary.seconds = result.seconds;
    } catch (const std::exception &e) {
        summary.error = QString::fromUtf8(e.what());
    }
    summary.progress.current.clear();
    return summary;
}

} // namespace cgs::ui
