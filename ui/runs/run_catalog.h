#pragma once

#include "ui/runs/run_entry.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace cgs::ui {

// The runs the studio knows: every run in the runs folder (whoever trained it: the studio, the
// CLI, a job on another host writing to a shared folder, the official train.py) and every run
// opened recently (ModelPicker's recent list). The Runs view shows them; the model lists of
// the Translate, Compare and Export pages come from them.
//
// Scans run off the GUI thread (QtConcurrent); the catalog rescans when the runs folder
// changes (QFileSystemWatcher) and every kPollSeconds (network file systems send no change
// events, and the state of a run trained elsewhere changes with its heartbeat). GUI thread
// only; the destructor waits for a scan in flight.
class RunCatalog : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollSeconds = 10;

    explicit RunCatalog(QObject *parent = nullptr);
    ~RunCatalog() override;

    // The folder whose subfolders are runs (the Train page's "runs folder"); rescans.
    void setRunsFolder(const QString &dir);
    QString runsFolder() const { return m_runsFolder; }

    // Newest first (by the date of their files).
    const QVector<RunEntry> &runs() const { return m_runs; }
    // The entry of `path`, or nothing when it is not in the catalog.
    std::optional<RunEntry> find(const QString &path) const;
    // The runs a model can be made of (they have a checkpoint), newest first.
    QStringList modelPaths() const;

    // Reads one run folder (blocking; any thread). Nothing when `path` is not a run.
    static std::optional<RunEntry> readRun(const QString &path);
    // Every run under runsFolder and among `extra` folders (blocking; any thread), newest first.
    static QVector<RunEntry> scan(const QString &runsFolder, const QStringList &extra);

public slots:
    // Starts a rescan (at most one at a time; a request during a scan runs after it).
    void refresh();
    // Rescans now, on this thread (tests, and after deleting a run).
    void refreshNow();

signals:
    // The list changed (after a scan that found something different).
    void changed();

private:
    void adopt(const QVector<RunEntry> &runs);
    void watchFolder();

    QString m_runsFolder;
    QVector<RunEntry> m_runs;
    QFileSystemWatcher m_watcher;
    QTimer m_poll;
    QTimer m_debounce; // a burst of file events gives one scan
    QFutureWatcher<QVector<RunEntry>> m_scan;
    bool m_again = false;
    // A scan's result is taken only if nothing newer was asked since it started (another
    // folder, a scan on the spot).
    int m_generation = 0;
    int m_scanGeneration = -1;
};

} // namespace cgs::ui
