#pragma once

#include "core/engine/metrics/metrics_log.h"

#include "ui/widgets/domain_names.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QLabel;

namespace cgs::ui {

// A small plot of one image-quality metric of a run's checkpoints against the epoch (the rows of
// metrics.csv, see core/engine/metrics/metrics_log.h): one curve per direction, the best (lowest)
// checkpoint of each direction marked and named below the plot. Shows FID when the rows have it,
// else SWD. Used by the Compare page (after Evaluate) and the Train page (as metrics.csv grows).
class MetricsPlot : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPlot(QWidget *parent = nullptr);

    // "FID", "SWD" or empty (no rows).
    QString metricName() const { return m_metric; }
    // The best checkpoint's tag for "AtoB" / "BtoA"; empty when there is none.
    QString bestCheckpoint(const QString &direction) const;
    int pointCount() const { return m_points; }
    QCustomPlot *plot() const { return m_plot; }

public slots:
    // The latest row of each checkpoint and direction (MetricsLog::latestRows).
    void setRows(const std::vector<cgs::MetricsRow> &rows);
    // Reads <runDir>/metrics.csv (and the run's domain names); a missing or unreadable file
    // gives an empty plot.
    void loadRun(const QString &runDir);
    // Names the two curves and the best checkpoints ("horse \u2192 zebra"); A and B by default.
    void setDomainNames(const cgs::ui::DomainNames &names);
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    QCustomPlot *m_plot;
    QLabel *m_best;
    std::vector<cgs::MetricsRow> m_rows;
    QString m_metric;
    QString m_bestAToB, m_bestBToA;
    DomainNames m_names;
    QString m_loadedRun; // whose names m_names are (loadRun polls every few seconds)
    int m_points = 0;
};

// The value shown for a row: FID when computed, else SWD (NaN when neither).
double shownMetric(const cgs::MetricsRow &row, QString *nameOut = nullptr);

} // namespace cgs::ui
