#include "ui/export/folder_export_job.h"

#include "core/imageio/batch_export.h"

#include <QElapsedTimer>
#include <QtConcurrent>

namespace cgs::ui {

namespace {
constexpr qint64 kReportMs = 100;
} // namespace

FolderExportJob::FolderExportJob(QObject *parent) : QObject(parent) {}

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
    auto report = [this](const cgs::ExportProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] { emit progressed(p); }, Qt::QueuedConnection);
    };
    m_future = QtConcurrent::run([this, request, cancelFlag, report] {
        cgs::ExportSummary summary;
        QString error;
        // Boundary of a pool thread: failures of single files are in the summary; anything
        // else ends the export with `error` set.
        try {
            summary = run(request, *cancelFlag, report);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        } catch (...) {
            error = tr("unknown error");
        }
        QMetaObject::invokeMethod(this, [this, summary, error] {
            m_running = false;
            emit finished(summary, error);
        }, Qt::QueuedConnection);
    });
    return true;
}

cgs::ExportSummary FolderExportJob::run(
    const ExportRequest &request, const std::atomic<bool> &cancel,
    const std::function<void(const cgs::ExportProgress &)> &report) {
    request.options.validate();
    cgs::Translator translator(request.model);
    cgs::BatchExportOptions options = request.options;
    options.producer = cgs::producerOf(translator.info(), request.model.direction);
    cgs::BatchExporter exporter(options,
                                [&translator](const cgs::Image &in, const std::atomic<bool> &stop) {
                                    return translator.translate(in, &stop);
                                });
    QElapsedTimer sinceReport;
    sinceReport.start();
    cgs::ExportSummary summary = exporter.run(cancel, [&](const cgs::ExportProgress &p) {
        if (sinceReport.elapsed() >= kReportMs) {
            report(p);
            sinceReport.restart();
        }
    });
    summary.warnings = translator.info().warnings;
    return summary;
}

} // namespace cgs::ui
