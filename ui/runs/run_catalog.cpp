#include "ui/runs/run_catalog.h"

#include "core/engine/checkpoint/model_location.h"
#include "core/imageio/image_codec.h"
#include "ui/widgets/image_convert.h"
#include "ui/widgets/model_picker.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

#include <algorithm>

namespace cgs::ui {

namespace {
QImage thumbnailOf(const QString &path)
{
    if (path.isEmpty())
        return {};
    try {
        const QImage image = toQImage(cgs::readImage(path.toStdString()));
        return image.scaledToHeight(RunEntry::kThumbnailHeight, Qt::SmoothTransformation);
    } catch (const std::exception &) {
        return {}; // a preview being replaced, or damaged: no thumbnail
    }
}

QDateTime fromSeconds(std::int64_t seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime();
}

// Same runs, same states and progress: nothing to tell the views.
bool sameList(const QVector<RunEntry> &a, const QVector<RunEntry> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].path != b[i].path || a[i].state != b[i].state || a[i].epoch != b[i].epoch ||
            a[i].iteration != b[i].iteration || a[i].modified != b[i].modified ||
            a[i].previewPath != b[i].previewPath || a[i].checkpointTags != b[i].checkpointTags ||
            a[i].stateDetail != b[i].stateDetail)
            return false;
    return true;
}
} // namespace

RunCatalog::RunCatalog(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(kPollSeconds * 1000);
    connect(&m_poll, &QTimer::timeout, this, &RunCatalog::refresh);
    m_poll.start();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &RunCatalog::refresh);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce,
            qOverload<>(&QTimer::start));
    connect(&m_scan, &QFutureWatcher<QVector<RunEntry>>::finished, this, [this] {
        if (m_scanGeneration == m_generation)
            adopt(m_scan.result());
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
}

RunCatalog::~RunCatalog() { m_scan.waitForFinished(); }

void RunCatalog::setRunsFolder(const QString &dir)
{
    const QString clean = dir.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absolutePath());
    if (clean == m_runsFolder)
        return;
    m_runsFolder = clean;
    ++m_generation;
    watchFolder();
    refresh();
}

void RunCatalog::watchFolder()
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_runsFolder.isEmpty() && QFileInfo(m_runsFolder).isDir())
        m_watcher.addPath(m_runsFolder);
}

std::optional<RunEntry> RunCatalog::find(const QString &path) const
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    for (const RunEntry &entry : m_runs)
        if (entry.path == clean)
            return entry;
    return std::nullopt;
}

QStringList RunCatalog::modelPaths() const
{
    QStringList paths;
    for (const RunEntry &entry : m_runs)
        if (entry.hasModel())
            paths << entry.path;
    return paths;
}

std::optional<RunEntry> RunCatalog::readRun(const QString &pathArg)
{
    const QString path = QDir::cleanPath(QDir(pathArg).absolutePath());
    RunEntry entry;
    entry.path = path;
    entry.name = QFileInfo(path).fileName();
    const cgs::RunFolder folder(path.toStdString());
    if (folder.holdsRun()) {
        const cgs::RunFolder::Summary sum = folder.summary();
        entry.state = sum.status.state;
        entry.stateDetail = QString::fromStdString(sum.status.detail);
        entry.lockHeld = sum.status.lockHeld;
        if (sum.status.heartbeat)
            entry.host = QString::fromStdString(sum.status.heartbeat->host);
        entry.epoch = sum.epoch;
        entry.totalEpochs = sum.totalEpochs;
        entry.iteration = sum.iteration;
        entry.lastLosses = sum.lastLosses;
        entry.modified = fromSeconds(sum.modified);
        entry.previewPath = QString::fromStdString(sum.latestPreview);
        for (const std::string &tag : sum.checkpointTags)
            entry.checkpointTags << QString::fromStdString(tag);
    } else {
        const cgs::ModelLocation location = cgs::locateModel(path.toStdString());
        if (!location.isOfficialFolder())
            return std::nullopt;
        entry.kind = RunEntry::Kind::Official;
        for (const std::string &tag : location.tags) {
            entry.checkpointTags << QString::fromStdString(tag);
            entry.epoch = std::max(entry.epoch, QString::fromStdString(tag).toInt());
        }
        entry.modified = QFileInfo(path).lastModified();
    }
    entry.thumbnail = thumbnailOf(entry.previewPath);
    return entry;
}

QVector<RunEntry> RunCatalog::scan(const QString &runsFolder, const QStringList &extra)
{
    QStringList candidates;
    if (!runsFolder.isEmpty())
        for (const QFileInfo &info :
             QDir(runsFolder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            candidates << QDir::cleanPath(info.absoluteFilePath());
    for (const QString &path : extra) {
        const QString clean = QDir::cleanPath(QDir(path).absolutePath());
        if (QFileInfo(clean).isDir() && !candidates.contains(clean))
            candidates << clean;
    }
    QVector<RunEntry> runs;
    for (const QString &path : candidates)
        if (std::optional<RunEntry> entry = readRun(path))
            runs << *entry;
    std::stable_sort(runs.begin(), runs.end(), [](const RunEntry &a, const RunEntry &b) {
        return a.modified > b.modified;
    });
    return runs;
}

void RunCatalog::refresh()
{
    if (m_scan.isRunning()) {
        m_again = true;
        return;
    }
    // The recent models that are folders: runs opened from anywhere.
    const QStringList recent = ModelPicker::recentModels();
    const QString folder = m_runsFolder;
    m_scanGeneration = m_generation;
    m_scan.setFuture(QtConcurrent::run([folder, recent] { return scan(folder, recent); }));
}

void RunCatalog::refreshNow()
{
    m_scan.waitForFinished();
    ++m_generation;
    adopt(scan(m_runsFolder, ModelPicker::recentModels()));
}

void RunCatalog::adopt(const QVector<RunEntry> &runs)
{
    if (m_watcher.directories().isEmpty())
        watchFolder(); // the runs folder was created since
    if (sameList(runs, m_runs))
        return;
    m_runs = runs;
    emit changed();
}

} // namespace cgs::ui
