#include "app/download/download_job.h"

#include "app/download/download_installer.h"
#include "core/engine/error.h"

#include <QDir>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace cgs::download {

namespace {

DownloadStatus fromTransfer(TransferStatus status)
{
    switch (status) {
    case TransferStatus::Complete: return DownloadStatus::Installed;
    case TransferStatus::Cancelled: return DownloadStatus::Cancelled;
    case TransferStatus::NotFound: return DownloadStatus::NotFound;
    case TransferStatus::HttpError: return DownloadStatus::NetworkError;
    case TransferStatus::NetworkError: return DownloadStatus::NetworkError;
    case TransferStatus::Truncated: return DownloadStatus::Truncated;
    case TransferStatus::DiskFull: return DownloadStatus::DiskFull;
    case TransferStatus::WriteError: return DownloadStatus::WriteError;
    }
    return DownloadStatus::NetworkError;
}

// Runs on a pool thread: one boundary that turns every exception into an outcome.
DownloadOutcome install(const CatalogEntry &entry, const QString &finalPath,
                        const std::atomic<bool> *cancel)
{
    DownloadOutcome outcome;
    outcome.path = finalPath;
    const std::string part = (finalPath + QStringLiteral(".part")).toStdString();
    try {
        if (entry.kind == ItemKind::Model)
            installModel(part, finalPath.toStdString());
        else
            installDataset(part, finalPath.toStdString(), cancel);
    } catch (const Cancelled &) {
        outcome.status = DownloadStatus::Cancelled;
        outcome.message = QObject::tr("Unpacking %1 was cancelled.").arg(entry.name);
    } catch (const CheckpointError &e) {
        outcome.status = DownloadStatus::NotAModel;
        outcome.message = QString::fromStdString(e.what());
    } catch (const DatasetError &e) {
        outcome.status = DownloadStatus::NotADataset;
        outcome.message = QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        const QString text = QString::fromStdString(e.what());
        outcome.status = text.contains(QStringLiteral("disk is full")) ? DownloadStatus::DiskFull
                                                                       : DownloadStatus::WriteError;
        outcome.message = text;
    }
    return outcome;
}

} // namespace

DownloadJob::DownloadJob(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cgs::download::DownloadOutcome>();
    connect(&m_transfer, &FileTransfer::progressed, this, &DownloadJob::progressed);
    connect(&m_transfer, &FileTransfer::finished, this, &DownloadJob::transferFinished);
    connect(&m_install, &QFutureWatcher<DownloadOutcome>::finished, this, &DownloadJob::installFinished);
}

DownloadJob::~DownloadJob()
{
    m_cancel = true;
    m_transfer.disconnect(this);
    m_install.disconnect(this);
    m_install.waitForFinished();
}

void DownloadJob::start(const CatalogEntry &entry, const QString &baseUrl, const QString &dataFolder)
{
    Q_ASSERT(!m_running);
    m_entry = entry;
    m_finalPath = installedPath(entry, dataFolder);
    m_running = true;
    m_resumed = false;
    m_cancel = false;
    if (isInstalled(entry, dataFolder)) {
        QTimer::singleShot(0, this, [this] { finish(DownloadStatus::AlreadyInstalled, {}); });
        return;
    }
    emit stageChanged(DownloadStage::Transferring);
    m_transfer.start(entryUrl(entry, baseUrl), m_finalPath + QStringLiteral(".part"));
}

void DownloadJob::cancel()
{
    if (!m_running)
        return;
    m_cancel = true;
    m_transfer.cancel(); // during unpacking the pool job sees m_cancel
}

void DownloadJob::transferFinished(const TransferResult &result)
{
    m_resumed = result.resumed;
    if (result.status != TransferStatus::Complete)
        return finish(fromTransfer(result.status), result.message);
    if (m_cancel)
        return finish(DownloadStatus::Cancelled, tr("The download of %1 was cancelled.").arg(m_entry.name));
    emit stageChanged(m_entry.kind == ItemKind::Model ? DownloadStage::Verifying : DownloadStage::Unpacking);
    m_install.setFuture(QtConcurrent::run(install, m_entry, m_finalPath, &m_cancel));
}

void DownloadJob::installFinished()
{
    const DownloadOutcome outcome = m_install.result();
    finish(outcome.status, outcome.message);
}

void DownloadJob::finish(DownloadStatus status, const QString &message)
{
    m_running = false;
    DownloadOutcome outcome;
    outcome.status = status;
    outcome.message = message;
    outcome.path = m_finalPath;
    outcome.resumed = m_resumed;
    emit finished(outcome);
}

} // namespace cgs::download
