#pragma once

#include "ui/core_meta_types.h"

#include <QString>
#include <QVector>

namespace cgs::ui {

// Reads a run's loss_log.csv (DESIGN §4) so that the plot of a resumed run shows its whole
// history. Columns are found by their header names; rows that do not parse are skipped.
class LossLogReader {
public:
    // Returns the steps in file order; an empty vector when the file is missing or empty.
    static QVector<cgs::StepReport> read(const QString &csvPath);
};

} // namespace cgs::ui
