#include "ui/folder_export_job.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent>

namespace cgs::ui {

namespace {
constexpr qint64 kReportMs = 100;

QString outputPathFor(const ExportRequest &request, const QString &inputDir, const QString &file)
{
    QDir out(request.outputDir);
    if (request.inputDirs.size() > 1)
        out = QDir(out.filePath(QDir(inputDir).dirName()));
    const QString relative = QDir(inputDir).relativeFilePath(file);
    const QFileInfo info(relative);
    const QString dir = info.path() == QLatin1String(".") ? QString() : info.path() + QLatin1Char('/');
    return out.filePath(dir + info.completeBaseName() + QLatin1Char('.') + request.format);
}
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

QStringList FolderExportJob::listInputs(const ExportRequest &request)
{
    QStringList files;
    for (const QString &dir : request.inputDirs) {
        QDirIterator it(dir, QDir::Files,
                        request.recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        QStringList found;
        while (it.hasNext())
            found << it.next();
        found.sort();
        files << found;
    }
    return files;
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
    QElapsedTimer clock, sinceReport;
    clock.start();
    sinceReport.start();
    // Boundary of a pool thread: errors of single files are collected, anything else ends the
    // export with `error` set.
    try {
        if (request.inputDirs.isEmpty() || request.outputDir.isEmpty())
            throw std::runtime_error(tr("Choose input folders and an output folder.").toStdString());
        cgs::Translator translator(request.model);
        cgs::WriteOptions writeOptions;
        writeOptions.quality = request.quality;
        ExportProgress &p = summary.progress;
        for (const QString &dir : request.inputDirs) {
            ExportRequest one = request;
            one.inputDirs = QStringList{dir};
            QStringList files = listInputs(one);
            files.erase(std::remove_if(files.begin(), files.end(), [](const QString &f) {
                            return !cgs::isImageFile(f.toStdString());
                        }), files.end());
            p.total += files.size();
            for (const QString &file : files) {
                if (cancel) {
                    summary.cancelled = true;
                    break;
                }
                p.current = file;
                const QString out = outputPathFor(request, dir, file);
                if (!request.overwrite && QFileInfo::exists(out)) {
                    ++p.skipped;
                } else {
                    try {
                        const cgs::Image input = cgs::readImage(file.toStdString(), {true});
                        QDir().mkpath(QFileInfo(out).absolutePath());
                        cgs::writeImage(out.toStdString(), translator.translate(input, &cancel), writeOptions);
                        ++p.done;
                    } catch (const cgs::Cancelled &) {
                        summary.cancelled = true;
                        break;
                    } catch (const std::exception &e) {
                        ++p.failed;
                        summary.failures.push_back({file, QString::fromUtf8(e.what())});
                    }
                }
                const double seconds = clock.elapsed() / 1000.0;
                const int processed = p.done + p.skipped + p.failed;
                p.imagesPerSecond = seconds > 0 ? p.done / seconds : 0;
                p.etaSeconds = processed > 0 ? seconds / processed * (p.total - processed) : 0;
                if (sinceReport.elapsed() >= kReportMs) {
                    report(p);
                    sinceReport.restart();
                }
            }
            if (summary.cancelled)
                break;
        }
    } catch (const std::exception &e) {
        summary.error = QString::fromUtf8(e.what());
    }
    summary.seconds = clock.elapsed() / 1000.0;
    summary.progress.current.clear();
    return summary;
}

} // namespace cgs::ui
