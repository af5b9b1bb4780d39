#include "ui/compare/column_metrics.h"

#include "core/engine/train/run_folder.h"
#include "core/imageio/checkpoint_evaluator.h"
#include "ui/widgets/metrics_plot.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <cmath>

namespace cgs::ui {

bool ColumnMetrics::locate(const QString &model, const QString &epoch, QString *runDir,
                           QString *tag)
{
    // Only folders: a .pth file has no run and no metrics.
    if (!QFileInfo(model).isDir())
        return false;
    try {
        std::string dir;
        const auto targets = cgs::CheckpointEvaluator::findTargets(
            model.toStdString(), epoch.isEmpty() ? "latest" : epoch.toStdString(), &dir);
        *runDir = QString::fromStdString(dir);
        *tag = QString::fromStdString(targets.front().tag);
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

std::vector<cgs::MetricsRow> ColumnMetrics::rows(const QString &runDir)
{
    try {
        return cgs::MetricsLog::latestRows(cgs::MetricsLog(runDir.toStdString()).read());
    } catch (const std::exception &) {
        return {};
    }
}

QStringList ColumnMetrics::notes(const QStringList &models, const QStringList &epochs,
                                 const QString &direction)
{
    QStringList out;
    QHash<QString, std::vector<cgs::MetricsRow>> byRun;
    for (int i = 0; i < models.size(); ++i) {
        QString runDir, tag;
        if (!locate(models[i], epochs.value(i), &runDir, &tag)) {
            out << QString();
            continue;
        }
        if (!byRun.contains(runDir))
            byRun.insert(runDir, rows(runDir));
        const std::vector<cgs::MetricsRow> &runRows = byRun[runDir];
        QString note, name;
        double best = INFINITY, mine = NAN;
        for (const cgs::MetricsRow &r : runRows) {
            if (QString::fromStdString(r.direction) != direction)
                continue;
            const double value = shownMetric(r, &name);
            if (!std::isnan(value))
                best = std::min(best, value);
            if (QString::fromStdString(r.checkpoint) == tag) {
                mine = shownMetric(r, &name);
                note = std::isnan(mine) ? QString()
                                        : QStringLiteral("%1 %2").arg(name).arg(mine, 0, 'f', 2);
            }
        }
        if (!note.isEmpty() && mine <= best)
            note += QStringLiteral(" \u2605");
        out << note;
    }
    return out;
}

bool ColumnMetrics::testFolders(const QString &runDir, QString *testA, QString *testB)
{
    try {
        const cgs::TrainOptions o = cgs::RunFolder(runDir.toStdString()).readOptions();
        const QDir root(QString::fromStdString(o.dataroot));
        if (o.dataroot.empty() || !root.exists(QStringLiteral("testA")) ||
            !root.exists(QStringLiteral("testB")))
            return false;
        *testA = root.filePath(QStringLiteral("testA"));
        *testB = root.filePath(QStringLiteral("testB"));
        return true;
    } catch (const std::exception &) {
        return false; // not a run of ours (or its options are unreadable): ask for the folder
    }
}

} // namespace cgs::ui
