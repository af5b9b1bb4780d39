#pragma once

#include "core/engine/translate/translator.h"
#include "ui/core_meta_types.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace cgs::ui {

// What to export: every image (and video) of options.inputs, translated by `model`, into
// options.outputDir with the same relative paths (under a sub-folder per input when there are
// several inputs); format, quality, recursion and overwrite as the CLI's `translate`.
struct ExportRequest {
    cgs::BatchExportOptions options;
    cgs::TranslatorOptions model;
};

// Runs core's cgs::BatchExporter (decode, translate, encode; every output written atomically, so
// Cancel never leaves a half-written file; bad files listed with their reason, never fatal) in a
// QtConcurrent job, and reports throttled progress (at most ~10 a second) and the summary as
// queued signals on the GUI thread, carrying the core's own structs (registered metatypes,
// ui/core_meta_types.h). The destructor cancels and waits.
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
    void progressed(const cgs::ExportProgress &progress);
    // Exactly once per start. `error` says why the whole export could not run (no model, bad
    // options, output folder not writable; then `summary` is empty); "" when it ran, single
    // files that failed being in summary.failures.
    void finished(const cgs::ExportSummary &summary, const QString &error);

private:
    // Returns the summary; throws what the exporter or the translator throws.
    static cgs::ExportSummary run(const ExportRequest &request, const std::atomic<bool> &cancel,
                                  const std::function<void(const cgs::ExportProgress &)> &report);

    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    bool m_running = false;
};

} // namespace cgs::ui
