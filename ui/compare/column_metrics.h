#pragma once

#include "core/engine/metrics/metrics_log.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace cgs::ui {

// What the Compare page shows of metrics.csv: the run folder of a column's model, the note under
// a column header ("FID 112.4 ★"), and the test folders a run was trained next to. Reads files
// only (metrics.csv, state.json, config.json); no tensor math. Reentrant.
class ColumnMetrics {
public:
    // The run folder whose metrics.csv holds the model's rows, and the model's checkpoint tag;
    // false when the model is not a run, checkpoint or official run folder.
    static bool locate(const QString &model, const QString &epoch, QString *runDir, QString *tag);

    // One note per model: "<metric> <value>" of `direction` ("AtoB" / "BtoA") from its run's
    // metrics.csv, with " ★" on the best checkpoint of that run; empty when not evaluated.
    static QStringList notes(const QStringList &models, const QStringList &epochs,
                             const QString &direction);

    // The latest rows of a run (MetricsLog::latestRows); empty on any problem.
    static std::vector<cgs::MetricsRow> rows(const QString &runDir);

    // <dataroot>/testA and testB from the run's config.json when both exist; false otherwise.
    static bool testFolders(const QString &runDir, QString *testA, QString *testB);
};

} // namespace cgs::ui
