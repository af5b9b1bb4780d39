#include "app/download/file_transfer.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>

namespace cgs::download {

namespace {

constexpr int kTransferTimeoutMs = 30000;
constexpr qint64 kProgressIntervalMs = 100;

bool isNoSpace(int error)
{
    return error == ENOSPC || error == EFBIG || error == EDQUOT;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

// "bytes 100-199/200" -> start 100, total 200 (-1 when '*').
bool parseContentRange(const QByteArray &header, qint64 *start, qint64 *total)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes "))
        return false;
    const int dash = value.indexOf('-'), slash = value.indexOf('/');
    if (dash < 0 || slash < dash)
        return false;
    bool ok = false;
    *start = value.mid(6, dash - 6).toLongLong(&ok);
    if (!ok)
        return false;
    const QByteArray length = value.mid(slash + 1);
    *total = length == "*" ? -1 : length.toLongLong(&ok);
    return ok;
}

} // namespace

FileTransfer::FileTransfer(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

FileTransfer::~FileTransfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void FileTransfer::start(const QUrl &url, const QString &partPath)
{
    Q_ASSERT(!m_reply);
    m_url = url;
    m_file.setFileName(partPath);
    m_offset = QFileInfo(partPath).isFile() ? QFileInfo(partPath).size() : 0;
    m_received = 0;
    m_total = -1;
    m_headersRead = m_resumed = m_cancelled = m_failed = false;
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    if (m_offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
    m_clock.start();
    m_lastProgress.start();
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileTransfer::writeAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &FileTransfer::finishReply);
}

void FileTransfer::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    finish(TransferStatus::Cancelled,
           tr("The download of %1 was cancelled; starting it again resumes it.").arg(m_url.toDisplayString()));
}

void FileTransfer::readHeaders()
{
    m_headersRead = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString url = m_url.toDisplayString();
    if (status == 404)
        return finish(TransferStatus::NotFound,
                      tr("%1 was not found on the server (HTTP 404): check the name and the base URL.").arg(url));
    if (status == 416 && m_offset > 0) {
        // The partial file is not a prefix of what the server has now (or is complete but
        // unverified): it cannot be resumed, so the next attempt starts over.
        QFile::remove(m_file.fileName());
        return finish(TransferStatus::HttpError,
                      tr("The server refused to resume %1 (HTTP 416); the partial file was removed, "
                         "start the download again.").arg(url));
    }
    if (status >= 400 || (status != 200 && status != 206))
        return finish(TransferStatus::HttpError,
                      tr("The server answered %1 %2 for %3.")
                          .arg(status)
                          .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), url));
    qint64 start = 0, total = -1;
    QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Unbuffered;
    if (status == 206) {
        if (!parseContentRange(m_reply->rawHeader("Content-Range"), &start, &total) || start != m_offset) {
            QFile::remove(m_file.fileName()); // cannot tell where these bytes belong: start over next time
            return finish(TransferStatus::HttpError,
                          tr("The server sent another part of %1 than asked for (Content-Range '%2'); "
                             "start the download again.").arg(url, QString::fromLatin1(m_reply->rawHeader("Content-Range"))));
        }
        m_resumed = true;
        m_total = total;
        mode |= QIODevice::Append;
    } else {
        // 200: the whole file (the server ignores Range): start over.
        m_offset = 0;
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
        mode |= QIODevice::Truncate;
    }
    const QString folder = QFileInfo(m_file.fileName()).absolutePath();
    if (!QDir().mkpath(folder))
        return finish(TransferStatus::WriteError, tr("Cannot create the folder '%1'.").arg(QDir::toNativeSeparators(folder)));
    if (m_total > 0 && !checkFreeSpace(m_total - m_offset))
        return;
    errno = 0;
    if (!m_file.open(mode)) {
        const int error = errno;
        return finish(isNoSpace(error) ? TransferStatus::DiskFull : TransferStatus::WriteError,
                      tr("Cannot write '%1': %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    }
}

bool FileTransfer::checkFreeSpace(qint64 needed)
{
    const QStorageInfo storage(QFileInfo(m_file.fileName()).absolutePath());
    const qint64 available = storage.isValid() ? storage.bytesAvailable() : -1;
    if (available < 0 || available >= needed)
        return true;
    finish(TransferStatus::DiskFull,
           tr("The disk is full: %1 needs %2 in '%3', only %4 are free.")
               .arg(m_url.fileName(), megabytes(needed),
                    QDir::toNativeSeparators(QFileInfo(m_file.fileName()).absolutePath()), megabytes(available)));
    return false;
}

void FileTransfer::writeAvailable()
{
    if (!m_headersRead)
        readHeaders();
    if (!m_reply || m_failed)
        return;
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty())
        return;
    errno = 0;
    const qint64 written = m_file.write(data);
    if (written != data.size()) {
        const int error = errno;
        const QString file = QDir::toNativeSeparators(m_file.fileName());
        if (isNoSpace(error))
            return finish(TransferStatus::DiskFull,
                          tr("The disk is full: cannot write '%1' (%2). Free some space and start "
                             "the download again.").arg(file, QString::fromLocal8Bit(std::strerror(error))));
        return finish(TransferStatus::WriteError, tr("Cannot write '%1': %2").arg(file, m_file.errorString()));
    }
    m_received += written;
    emitProgress(false);
}

void FileTransfer::finishReply()
{
    if (!m_headersRead && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        readHeaders();
    if (!m_reply || m_failed)
        return;
    if (m_headersRead) // else no answer came at all (connection refused, DNS, timeout)
        writeAvailable();
    if (!m_reply || m_failed)
        return;
    const qint64 size = m_offset + m_received;
    const QString url = m_url.toDisplayString();
    const bool incomplete = m_total >= 0 && size < m_total;
    if (m_reply->error() != QNetworkReply::NoError && !incomplete)
        return finish(TransferStatus::NetworkError,
                      tr("Cannot download %1: %2").arg(url, m_reply->errorString()));
    if (m_total >= 0 && size != m_total) {
        const QString cause = m_reply->error() != QNetworkReply::NoError ? m_reply->errorString()
                                                                         : tr("the connection closed");
        return finish(TransferStatus::Truncated,
                      tr("The download of %1 stopped after %2 of %3 bytes (%4); start it again to resume.")
                          .arg(url).arg(size).arg(m_total).arg(cause));
    }
    finish(TransferStatus::Complete, QString());
}

void FileTransfer::finish(TransferStatus status, const QString &message)
{
    m_failed = true;
    const bool hadFile = m_file.isOpen();
    m_file.close();
    if (status == TransferStatus::DiskFull && hadFile)
        QFile::remove(m_file.fileName()); // a full disk needs the space back more than a resume
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    emitProgress(true);
    TransferResult result;
    result.status = status;
    result.message = message;
    result.bytes = QFileInfo(m_file.fileName()).isFile() ? QFileInfo(m_file.fileName()).size() : 0;
    result.resumed = m_resumed;
    emit finished(result);
}

void FileTransfer::emitProgress(bool force)
{
    if (!force && m_lastProgress.elapsed() < kProgressIntervalMs)
        return;
    m_lastProgress.restart();
    const double seconds = std::max<qint64>(m_clock.elapsed(), 1) / 1000.0;
    emit progressed(m_offset + m_received, m_total, double(m_received) / seconds);
}

} // namespace cgs::download
