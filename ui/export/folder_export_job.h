#pragma once

#include "core/engine/translate/translator.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>

namespace cgs::ui {

// What to export: every image of the input folders, translated, into the output folder with the
// same relative paths (under a sub-folder per input when there are several inputs).
struct ExportRequest {
    QStringList inputDirs;
    QString outputDir;
    cgs::TranslatorOptions model;
    QString format = QStringLiteral("png"); // png | jpg | webp
    int quality = 95;                       // jpg / webp
    bool recursive = false;
    bool overwrite = false;                 // false: existing outputs are skipped
};

struct ExportProgress {
    int done = 0;    // translated and written
    int skipped = 0; // output existed
    int failed = 0;
    int total = 0;
    double imagesPerSecond = 0;
    double etaSeconds = 0;
    QString current;
    // Frames of the video being translated (videoFrames 0 while the current file is an image).
    qint64 videoFrame = 0;
    qint64 videoFrames = 0;
    double framesPerSecond = 0;
};

struct ExportFailure {
    QString path;
    QString reason;
};

struct ExportSummary {
    ExportProgress progress;
    QVector<ExportFailure> failures;
    QString error; // the whole export failed (no model, no input): why
    bool cancelled = false;
    double seconds = 0;
};

// Runs core's cgs::BatchExporter (decode, translate, encode; every output written atomically, so
// Cancel never leaves a half-written file; bad files listed with their reason, never fatal) in a
// QtConcurrent job, and reports throttled progress and the summary as queued signals carrying Qt
// values. The destructor cancels and waits.
class FolderExportJob : public QObject {
    Q_OBJECT
public:
    explicit FolderExportJob(QObject *parent = nullptr);
    ~FolderExportJob() override;

    // Returns false (and does nothing) while an export runs.
    bool start(const ExportRequest &request);
    bool isRunning() const { return m_running; }

public slots:
    void cancel();

signals:
    void progressed(const cgs::ui::ExportProgress &progress);
    void finished(const cgs::ui::ExportSummary &summary);

private:
    static ExportSummary run(const ExportRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(const ExportProgress &)> &report);

    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    bool m_running = false;
};

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::ExportProgress)
Q_DECLARE_METATYPE(cgs::ui::ExportSummary)
