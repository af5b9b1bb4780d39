#pragma once

#include "core/engine/train/run_folder.h"
#include "ui/train/preview_frame.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace cgs::ui {

// Follows a run folder that another process writes (the CLI on this machine, a job on another
// host writing to a shared or synced folder): new loss rows, previews, checkpoints and state
// changes, as they appear. File-system events (QFileSystemWatcher on
// cgs::RunFolder::watchPaths) trigger a read at once; a poll every kPollMilliseconds is the
// fallback for file systems that send no events (NFS, SMB, FUSE). Reads go through the core's
// RunFolder readers (incremental loss log; a rewritten log, after a resume, is read again from
// its first row). Preview images are decoded off the GUI thread. GUI thread only.
class RunWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollMilliseconds = 2000;

    explicit RunWatcher(QObject *parent = nullptr);
    ~RunWatcher() override;

    // Starts following `runDir`; everything already there is reported first (history: steps
    // with restarted = true, then every preview, oldest first). Stops following the previous
    // folder.
    void watch(const QString &runDir);
    void stop();
    bool isWatching() const { return !m_runDir.isEmpty(); }
    QString runDir() const { return m_runDir; }
    cgs::RunFolder::Status status() const { return m_status; }

public slots:
    // Reads what changed since the last read (the watcher and the poll call it).
    void poll();

signals:
    // restarted: `steps` is the whole log (the first read, or the log was rewritten).
    void stepsRead(const QVector<cgs::StepReport> &steps, bool restarted);
    void previewRead(const cgs::ui::PreviewFrame &frame);
    void checkpointFound(const QString &tag);
    void statusChanged(const cgs::RunFolder::Status &status);

private:
    void rewatch();
    void loadPreviews(const QStringList &paths);

    QString m_runDir;
    QFileSystemWatcher m_watcher;
    QTimer m_poll;
    QTimer m_soon; // coalesces a burst of file events
    std::size_t m_nextRow = 0;
    bool m_first = true;
    QSet<QString> m_previews;     // seen (being loaded or shown)
    QStringList m_previewQueue;   // found while a load runs
    QSet<QString> m_checkpoints;  // tags seen
    cgs::RunFolder::Status m_status;
    QFutureWatcher<QVector<PreviewFrame>> m_load;
};

} // namespace cgs::ui
