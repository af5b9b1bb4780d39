#pragma once

#include "app/download/download_catalog.h"
#include "app/download/file_transfer.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>

namespace cgs::download {

// How a download ended. Every status but Installed and AlreadyInstalled has a message that
// names the URL or the file and the cause.
enum class DownloadStatus {
    Installed,        // downloaded, verified, under its final name
    AlreadyInstalled, // it was there already: nothing was downloaded
    Cancelled,        // the .part file is kept: the next start resumes it
    NotFound,         // HTTP 404 (a wrong name or base URL)
    NetworkError,     // no connection, timeout, another HTTP error
    Truncated,        // the connection closed early; the .part file is kept for a resume
    DiskFull,         // no space or over the file size limit; nothing is left behind
    WriteError,       // the data folder cannot be written
    NotAModel,        // the file does not load as a generator (removed)
    NotADataset,      // a damaged zip, or no images in trainA/ or trainB/ (removed)
};

enum class DownloadStage { Transferring, Verifying, Unpacking };

struct DownloadOutcome {
    DownloadStatus status = DownloadStatus::Installed;
    QString message; // "" on success
    QString path;    // installedPath() (also when it failed)
    bool resumed = false;
};

// Downloads one catalog entry into the data folder, verifies it and installs it:
// <url> -> <installedPath>.part (resumed when it exists) -> a model must load as a generator,
// a dataset zip is unpacked and must hold trainA/ and trainB/ with images -> the final name.
// Nothing ever sits under the final name half-written. Usage (an event loop must run):
//
//   DownloadJob job;
//   connect(&job, &DownloadJob::finished, [](const DownloadOutcome &o) { ... });
//   job.start(*findEntry(ItemKind::Model, "style_monet"), baseUrl(), dataFolder());
//
// Signals come on the job's thread: progressed during the transfer, stageChanged, then
// finished exactly once per start(). Verification and unpacking run on the global
// QThreadPool. The destructor cancels and waits. Not thread-safe (cancel() from another thread
// through a queued QMetaObject::invokeMethod).
class DownloadJob : public QObject {
    Q_OBJECT
public:
    explicit DownloadJob(QObject *parent = nullptr);
    ~DownloadJob() override;

    void start(const CatalogEntry &entry, const QString &baseUrl, const QString &dataFolder);
    bool isRunning() const { return m_running; }
    const CatalogEntry &entry() const { return m_entry; }

public slots:
    void cancel();

signals:
    void progressed(qint64 received, qint64 total, double bytesPerSecond);
    void stageChanged(cgs::download::DownloadStage stage);
    void finished(const cgs::download::DownloadOutcome &outcome);

private:
    void transferFinished(const TransferResult &result);
    void installFinished();
    void finish(DownloadStatus status, const QString &message);

    FileTransfer m_transfer;
    QFutureWatcher<DownloadOutcome> m_install;
    CatalogEntry m_entry;
    QString m_finalPath;
    bool m_running = false;
    bool m_resumed = false;
    std::atomic<bool> m_cancel{false};
};

} // namespace cgs::download

Q_DECLARE_METATYPE(cgs::download::DownloadOutcome)
