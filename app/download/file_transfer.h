#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace cgs::download {

// How a transfer ended. Every status but Complete comes with a message naming the URL or the
// file and the cause.
enum class TransferStatus {
    Complete,     // all bytes are in the .part file (its size matches the server's length)
    Cancelled,    // cancel() was called; the .part file is kept for a resume
    NotFound,     // HTTP 404
    HttpError,    // another HTTP error status
    NetworkError, // no connection, DNS, timeout, TLS...; the .part file is kept for a resume
    Truncated,    // the connection closed before Content-Length bytes came; .part kept
    DiskFull,     // no space (ENOSPC, EDQUOT) or over the file size limit (EFBIG); .part removed
    WriteError,   // the .part file cannot be created or written for another reason
};

struct TransferResult {
    TransferStatus status = TransferStatus::Complete;
    QString message;    // "" for Complete
    qint64 bytes = 0;   // size of the .part file at the end
    bool resumed = false; // the server answered a Range request with 206 Partial Content
};

// One HTTP(S) download into a ".part" file, on the thread that owns it (QNetworkAccessManager,
// asynchronous: needs a running event loop). A .part file that exists already is resumed with
// a Range request when the server answers 206; a 200 answer starts it over. Never renames the
// .part file: the caller verifies it and moves it to its final name.
//
//   FileTransfer transfer;
//   connect(&transfer, &FileTransfer::finished, ...);
//   transfer.start(QUrl("http://host/x.pth"), "/data/models/x.pth.part");
//
// Signals: progressed (at most every 100 ms, and once at the end), then finished exactly once
// per start(). Not thread-safe: call from its thread (cancel() from elsewhere through a queued
// QMetaObject::invokeMethod).
class FileTransfer : public QObject {
    Q_OBJECT
public:
    explicit FileTransfer(QObject *parent = nullptr);
    ~FileTransfer() override;

    // Starts downloading `url` into `partPath` (its folder is created). One transfer at a time.
    void start(const QUrl &url, const QString &partPath);
    bool isRunning() const { return m_reply != nullptr; }

public slots:
    // Stops the transfer: finished(Cancelled) follows (asynchronously). No effect when idle.
    void cancel();

signals:
    // received and total in bytes (total -1 when the server does not say), including the
    // bytes resumed from an earlier .part file; bytesPerSecond over this transfer so far.
    void progressed(qint64 received, qint64 total, double bytesPerSecond);
    void finished(const cgs::download::TransferResult &result);

private:
    void readHeaders();
    void writeAvailable();
    void finishReply();
    void finish(TransferStatus status, const QString &message);
    void emitProgress(bool force);
    bool checkFreeSpace(qint64 needed);

    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    QFile m_file;
    QUrl m_url;
    QElapsedTimer m_clock, m_lastProgress;
    qint64 m_offset = 0;   // bytes already in the .part file when the request was sent
    qint64 m_received = 0; // bytes written by this transfer
    qint64 m_total = -1;   // the whole file's length, when the server says it
    bool m_headersRead = false;
    bool m_resumed = false;
    bool m_cancelled = false;
    bool m_failed = false; // finish() was called before the reply ended
};

} // namespace cgs::download
