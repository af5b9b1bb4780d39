#include "ui/train/run_watcher.h"

#include "core/engine/checkpoint/model_location.h"
#include "ui/train/preview_files.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

namespace cgs::ui {

RunWatcher::RunWatcher(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(kPollMilliseconds);
    connect(&m_poll, &QTimer::timeout, this, &RunWatcher::poll);
    m_soon.setSingleShot(true);
    // A training appends a row per step: read at most twice a second.
    m_soon.setInterval(500);
    connect(&m_soon, &QTimer::timeout, this, &RunWatcher::poll);
    const auto soon = [this] {
        if (!m_soon.isActive())
            m_soon.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, soon);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, soon);
    connect(&m_load, &QFutureWatcher<QVector<PreviewFrame>>::finished, this, [this] {
        for (const PreviewFrame &frame : m_load.result())
            if (!frame.grid.isNull())
                emit previewRead(frame);
        if (!m_previewQueue.isEmpty()) {
            const QStringList next = m_previewQueue;
            m_previewQueue.clear();
            loadPreviews(next);
        }
    });
}

RunWatcher::~RunWatcher() { m_load.waitForFinished(); }

void RunWatcher::watch(const QString &runDir)
{
    stop();
    m_runDir = QDir::cleanPath(QDir(runDir).absolutePath());
    m_first = true;
    m_nextRow = 0;
    rewatch();
    m_poll.start();
    poll();
}

void RunWatcher::stop()
{
    m_poll.stop();
    m_soon.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_load.waitForFinished();
    m_runDir.clear();
    m_previews.clear();
    m_previewQueue.clear();
    m_checkpoints.clear();
    m_status = {};
}

// Watches what exists of the run's paths (files and folders appear while it trains; an atomic
// rewrite replaces a file, which drops it from a QFileSystemWatcher).
void RunWatcher::rewatch()
{
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    QStringList add;
    for (const std::string &p : cgs::RunFolder(m_runDir.toStdString()).watchPaths()) {
        const QString path = QString::fromStdString(p);
        if (!watched.contains(path) && QFileInfo::exists(path))
            add << path;
    }
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void RunWatcher::poll()
{
    if (m_runDir.isEmpty())
        return;
    rewatch();
    const cgs::RunFolder folder(m_runDir.toStdString());
    const bool first = m_first;
    // The state first: when it says the training ended, the rows read next are all of them.
    const cgs::RunFolder::Status status = folder.status();
    const bool changed = first || status.state != m_status.state ||
                         status.detail != m_status.detail || status.lockHeld != m_status.lockHeld ||
                         status.heartbeatAlive != m_status.heartbeatAlive;
    m_status = status; // the heartbeat's progress and totals too
    cgs::RunFolder::LossRows rows = folder.readLosses(m_nextRow);
    const bool restarted = m_first || rows.restarted;
    m_nextRow = rows.nextRow;
    if (!rows.steps.empty() || restarted)
        emit stepsRead(QVector<cgs::StepReport>(rows.steps.begin(), rows.steps.end()), restarted);
    m_first = false;

    QStringList fresh;
    for (const std::string &p : folder.previews()) {
        const QString path = QString::fromStdString(p);
        if (!m_previews.contains(path)) {
            m_previews.insert(path);
            fresh << path;
        }
    }
    if (!fresh.isEmpty())
        loadPreviews(fresh);

    for (const std::string &tag : cgs::locateModel(folder.dir()).tags) {
        const QString t = QString::fromStdString(tag);
        if (!m_checkpoints.contains(t)) {
            m_checkpoints.insert(t);
            emit checkpointFound(t);
        }
    }

    if (changed)
        emit statusChanged(status);
}

void RunWatcher::loadPreviews(const QStringList &paths)
{
    if (m_load.isRunning()) {
        m_previewQueue << paths;
        return;
    }
    m_load.setFuture(QtConcurrent::run([paths] {
        QVector<PreviewFrame> frames;
        for (const QString &path : paths)
            frames << previewFrameFromFile(path);
        return frames;
    }));
}

} // namespace cgs::ui
