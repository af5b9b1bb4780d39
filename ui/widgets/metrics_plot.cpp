#include "ui/widgets/metrics_plot.h"

#include <qcustomplot.h>

#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace cgs::ui {

double shownMetric(const cgs::MetricsRow &row, QString *nameOut)
{
    if (!std::isnan(row.fid)) {
        if (nameOut)
            *nameOut = QStringLiteral("FID");
        return row.fid;
    }
    if (nameOut)
        *nameOut = QStringLiteral("SWD");
    return row.swd;
}

MetricsPlot::MetricsPlot(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_best(new QLabel(this))
{
    m_plot->setMinimumHeight(140);
    // Epochs are whole numbers: ticks at 1, 2, 3 ... (or at multiples of 1 for long runs).
    QSharedPointer<QCPAxisTickerFixed> epochs(new QCPAxisTickerFixed);
    epochs->setTickStep(1.0);
    epochs->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(epochs);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (int d = 0; d < 2; ++d) {
        QCPGraph *curve = m_plot->addGraph();
        curve->setPen(QPen(d == 0 ? QColor(31, 119, 180) : QColor(230, 120, 20), 1.8));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    }
    for (int d = 0; d < 2; ++d) { // the best checkpoint of each direction
        QCPGraph *best = m_plot->addGraph();
        best->setLineStyle(QCPGraph::lsNone);
        best->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar,
                                              d == 0 ? QColor(31, 119, 180) : QColor(230, 120, 20),
                                              14));
        best->removeFromLegend();
    }
    m_best->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_best);
    retranslateUi();
}

QString MetricsPlot::bestCheckpoint(const QString &direction) const
{
    return direction == QLatin1String("AtoB") ? m_bestAToB : m_bestBToA;
}

void MetricsPlot::loadRun(const QString &runDir)
{
    std::vector<cgs::MetricsRow> rows;
    // A file being written or damaged reads as what it holds so far, or as nothing.
    try {
        rows = cgs::MetricsLog::latestRows(cgs::MetricsLog(runDir.toStdString()).read());
    } catch (const std::exception &) {
    }
    if (!runDir.isEmpty() && runDir != m_loadedRun) {
        m_loadedRun = runDir;
        m_names = runDomainNames(runDir);
    }
    setRows(rows);
}

void MetricsPlot::setDomainNames(const DomainNames &names)
{
    m_names = names;
    retranslateUi();
    m_plot->replot();
}

void MetricsPlot::setRows(const std::vector<cgs::MetricsRow> &rows)
{
    m_rows = rows;
    m_metric.clear();
    m_points = 0;
    QString best[2];
    double bestValue[2] = {INFINITY, INFINITY};
    int bestEpoch[2] = {0, 0};
    QVector<double> x[2], y[2];
    bool anyFid = false;
    for (const cgs::MetricsRow &r : rows)
        anyFid = anyFid || !std::isnan(r.fid);
    for (const cgs::MetricsRow &r : rows) {
        const double value = anyFid ? r.fid : r.swd;
        if (std::isnan(value) || r.epoch < 0)
            continue;
        const int d = r.direction == "AtoB" ? 0 : 1;
        x[d] << r.epoch;
        y[d] << value;
        ++m_points;
        if (value < bestValue[d]) {
            bestValue[d] = value;
            bestEpoch[d] = r.epoch;
            best[d] = QString::fromStdString(r.checkpoint);
        }
    }
    if (m_points > 0)
        m_metric = anyFid ? QStringLiteral("FID") : QStringLiteral("SWD");
    m_bestAToB = best[0];
    m_bestBToA = best[1];
    for (int d = 0; d < 2; ++d) {
        m_plot->graph(d)->setData(x[d], y[d]);
        if (!best[d].isEmpty())
            m_plot->graph(2 + d)->setData({double(bestEpoch[d])}, {bestValue[d]});
        else
            m_plot->graph(2 + d)->data()->clear();
    }
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.1);
    m_plot->yAxis->scaleRange(1.2);
    retranslateUi();
    m_plot->replot();
}

void MetricsPlot::retranslateUi()
{
    m_plot->graph(0)->setName(m_names.direction(cgs::Direction::AToB));
    m_plot->graph(1)->setName(m_names.direction(cgs::Direction::BToA));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(m_metric.isEmpty() ? tr("metric") : tr("%1 (lower is better)").arg(m_metric));
    if (m_points == 0) {
        m_best->setText(tr("No metrics yet: Evaluate, or train with an evaluation frequency."));
        return;
    }
    QStringList parts;
    if (!m_bestAToB.isEmpty())
        parts << tr("best %1: %2").arg(m_names.direction(cgs::Direction::AToB), m_bestAToB);
    if (!m_bestBToA.isEmpty())
        parts << tr("best %1: %2").arg(m_names.direction(cgs::Direction::BToA), m_bestBToA);
    m_best->setText(parts.join(QStringLiteral("   ")));
}

void MetricsPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

} // namespace cgs::ui
