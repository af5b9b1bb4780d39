#include "ui/train/loss_plot.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QShowEvent>
#include <QSet>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cgs::ui {

namespace {
constexpr int kSeries = 8;
constexpr int kReplotMs = 250;
const char *kNames[kSeries] = {"D_A", "G_A", "cycle_A", "idt_A", "D_B", "G_B", "cycle_B", "idt_B"};
const int kPanelOf[kSeries] = {0, 0, 1, 2, 0, 0, 1, 2};

double lossAt(const cgs::LossValues &l, int k)
{
    const double v[kSeries] = {l.dA, l.gA, l.cycleA, l.idtA, l.dB, l.gB, l.cycleB, l.idtB};
    return v[k];
}

QPen penFor(int k)
{
    const bool directionA = k < 4;
    const bool discriminator = k == 0 || k == 4;
    QPen pen(directionA ? QColor(31, 119, 180) : QColor(230, 120, 20));
    pen.setWidthF(1.5);
    if (discriminator)
        pen.setStyle(Qt::DashLine);
    return pen;
}
} // namespace

LossPlot::LossPlot(QWidget *parent) : QWidget(parent), m_raw(kSeries), m_ema(kSeries, 0.0)
{
    m_plot = new QCustomPlot(this);
    // What the two legend lines and three panels need: at 240 px (1280x720) QCustomPlot
    // squeezed the legend and cut off its underscores ("D A").
    m_plot->setMinimumHeight(280);
    m_logScale = new QCheckBox(this);
    m_smoothingSlider = new QSlider(Qt::Horizontal, this);
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(qRound(m_smoothing * 100));
    m_smoothingSlider->setMaximumWidth(160);
    m_smoothingLabel = new QLabel(this);
    m_readout = new QLabel(this);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long read-out is clipped, never widens the window.
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_readout->setMinimumWidth(0);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_smoothingLabel);
    controls->addWidget(m_smoothingSlider);
    controls->addWidget(m_logScale);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_readout);

    buildPlot();
    connect(m_logScale, &QCheckBox::toggled, this, &LossPlot::setLogScale);
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int v) { setSmoothing(v / 100.0); });
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossPlot::showReadout);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { followRun(); });
    // Wheel or drag on the plot means the user looks somewhere: stop following the run.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
    m_replotTimer.setInterval(kReplotMs);
    connect(&m_replotTimer, &QTimer::timeout, this, &LossPlot::replotIfDirty);
    m_replotTimer.start();
    retranslateUi();
}

void LossPlot::buildPlot()
{
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->plotLayout()->clear();
    for (int row = 0; row < 3; ++row)
        m_panels << addPanel(row);
    for (int k = 0; k < kSeries; ++k) {
        QCPAxisRect *panel = m_panels[kPanelOf[k]];
        QCPGraph *graph = m_plot->addGraph(panel->axis(QCPAxis::atBottom),
                                           panel->axis(QCPAxis::atLeft));
        graph->setName(QString::fromLatin1(kNames[k]));
        graph->setPen(penFor(k));
        graph->setAdaptiveSampling(true);
        m_lossGraphs << graph;
    }
    QCPAxis *lrAxis = m_panels[0]->axis(QCPAxis::atRight);
    lrAxis->setVisible(true);
    lrAxis->setTickLabels(true);
    m_lrGraph = m_plot->addGraph(m_panels[0]->axis(QCPAxis::atBottom), lrAxis);
    m_lrGraph->setPen(QPen(QColor(120, 120, 120), 1.0, Qt::DotLine));
    m_lrGraph->setName(QStringLiteral("lr"));

    // One legend row above the panels, two lines of entries.
    m_plot->legend = new QCPLegend;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->legend->setLayer(QStringLiteral("legend"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(5);
    m_plot->legend->setBorderPen(Qt::NoPen);
    for (QCPGraph *graph : m_lossGraphs)
        graph->addToLegend(m_plot->legend);
    m_lrGraph->addToLegend(m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);

    // The panels share the iteration axis.
    for (QCPAxisRect *panel : m_panels) {
        QCPAxis *x = panel->axis(QCPAxis::atBottom);
        connect(x, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this, x](const QCPRange &range) {
                    for (QCPAxisRect *other : m_panels)
                        if (other->axis(QCPAxis::atBottom) != x)
                            other->axis(QCPAxis::atBottom)->setRange(range);
                });
    }
}

QCPAxisRect *LossPlot::addPanel(int row)
{
    auto *panel = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(row, 0, panel);
    panel->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    panel->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    panel->axis(QCPAxis::atBottom)->setTickLabels(row == 2);
    auto *group = m_panels.isEmpty() ? new QCPMarginGroup(m_plot)
                                     : m_panels[0]->marginGroup(QCP::msLeft);
    panel->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    for (QCPAxis *axis : panel->axes())
        axis->setLayer(QStringLiteral("axes"));
    return panel;
}

void LossPlot::retranslateUi()
{
    m_logScale->setText(tr("Log scale"));
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));
    m_panels[0]->axis(QCPAxis::atLeft)->setLabel(tr("Adversarial"));
    // Short: the adversarial panel can be lower than "Learning rate" is long (it read
    // "earning rate" at 1280x720); the legend's "lr" and the tooltip say the rest.
    m_panels[0]->axis(QCPAxis::atRight)->setLabel(tr("lr"));
    m_panels[1]->axis(QCPAxis::atLeft)->setLabel(tr("Cycle"));
    m_panels[2]->axis(QCPAxis::atLeft)->setLabel(tr("Identity"));
    m_panels[2]->axis(QCPAxis::atBottom)->setLabel(tr("Iteration"));
    m_plot->setToolTip(tr("Wheel: zoom, drag: pan, double-click: follow the run"));
    if (!m_hovered)
        m_readout->setText(tr("Hover over the plot to read values."));
    m_dirty = true;
}

void LossPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool LossPlot::logScale() const { return m_logScale->isChecked(); }

QString LossPlot::readout() const { return m_readout->text(); }

void LossPlot::appendSteps(const QVector<cgs::StepReport> &steps)
{
    const int from = m_x.size();
    for (const cgs::StepReport &s : steps) {
        m_x << static_cast<double>(s.iteration);
        for (int k = 0; k < kSeries; ++k)
            m_raw[k] << lossAt(s.losses, k);
        m_lr << s.lr;
    }
    appendSmoothed(from);
    m_dirty = true;
}

void LossPlot::setHistory(const QVector<cgs::StepReport> &steps)
{
    clear();
    appendSteps(steps);
}

void LossPlot::clear()
{
    m_x.clear();
    m_lr.clear();
    for (auto &series : m_raw)
        series.clear();
    std::fill(m_ema.begin(), m_ema.end(), 0.0);
    for (QCPGraph *graph : m_lossGraphs)
        graph->data()->clear();
    m_lrGraph->data()->clear();
    m_follow = true;
    m_dirty = true;
    m_hovered = false; // values of an earlier run must not stay on show
    m_readout->setText(tr("Hover over the plot to read values."));
}

// Exponential moving average with the start-up bias removed (as TensorBoard does), so the
// first points are not pulled towards zero.
void LossPlot::appendSmoothed(int from)
{
    const double a = m_smoothing;
    for (int i = from; i < m_x.size(); ++i) {
        const double debias = a > 0 ? 1.0 - std::pow(a, i + 1) : 1.0;
        for (int k = 0; k < kSeries; ++k) {
            m_ema[k] = a * m_ema[k] + (1.0 - a) * m_raw[k][i];
            m_lossGraphs[k]->addData(m_x[i], m_ema[k] / debias);
        }
        m_lrGraph->addData(m_x[i], m_lr[i]);
    }
}

void LossPlot::rebuildGraphs()
{
    std::fill(m_ema.begin(), m_ema.end(), 0.0);
    for (QCPGraph *graph : m_lossGraphs)
        graph->data()->clear();
    m_lrGraph->data()->clear();
    appendSmoothed(0);
    m_dirty = true;
}

void LossPlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (qFuzzyCompare(weight + 1.0, m_smoothing + 1.0))
        return;
    m_smoothing = weight;
    m_smoothingSlider->blockSignals(true);
    m_smoothingSlider->setValue(qRound(weight * 100));
    m_smoothingSlider->blockSignals(false);
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));
    rebuildGraphs();
}

void LossPlot::setLogScale(bool on)
{
    if (m_logScale->isChecked() != on) {
        m_logScale->setChecked(on); // re-enters through toggled
        return;
    }
    for (QCPAxisRect *panel : m_panels) {
        QCPAxis *y = panel->axis(QCPAxis::atLeft);
        y->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on)
            y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else
            y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        y->ticker()->setTickCount(panel->axis(QCPAxis::atRight)->ticker()->tickCount());
    }
    m_dirty = true;
    m_follow = true;
}

void LossPlot::followRun()
{
    m_follow = true;
    m_dirty = true;
}

void LossPlot::replotIfDirty()
{
    // A hidden plot stays dirty and is brought up to date by showEvent().
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    if (m_follow && !m_x.isEmpty())
        fitToRun();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// The iteration range first: the value axes are fitted to the points inside it, so fitting them
// before it is updated would use the previous range (curves off the panels after a history load).
void LossPlot::fitToRun()
{
    const double last = std::max(m_x.last(), m_x.first() + 1);
    for (QCPAxisRect *panel : m_panels)
        panel->axis(QCPAxis::atBottom)->setRange(m_x.first(), last);
    QSet<QCPAxis *> seen;
    for (int p = 0; p < m_plot->plottableCount(); ++p) {
        QCPAbstractPlottable *graph = m_plot->plottable(p);
        const bool first = !seen.contains(graph->valueAxis());
        seen.insert(graph->valueAxis());
        if (graph != m_lrGraph)
            graph->rescaleValueAxis(!first, true);
    }
    // The learning rate is often constant: give its axis a range from 0 that shows it.
    const double maxLr = *std::max_element(m_lr.cbegin(), m_lr.cend());
    m_panels[0]->axis(QCPAxis::atRight)->setRange(0, maxLr > 0 ? maxLr * 1.15 : 1);
}

void LossPlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    replotIfDirty();
}

// Fewer ticks on short panels, so that their labels never overlap (about one per 45 px).
void LossPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int panelHeight = m_plot->height() / 3;
    const int ticks = std::clamp(panelHeight / 45, 2, 5);
    for (QCPAxisRect *panel : m_panels) {
        panel->axis(QCPAxis::atLeft)->ticker()->setTickCount(ticks);
        panel->axis(QCPAxis::atRight)->ticker()->setTickCount(ticks);
    }
    m_dirty = true;
}

int LossPlot::nearestIndex(double x) const
{
    if (m_x.isEmpty())
        return -1;
    auto it = std::lower_bound(m_x.begin(), m_x.end(), x);
    int i = static_cast<int>(it - m_x.begin());
    if (i >= m_x.size())
        return m_x.size() - 1;
    if (i > 0 && x - m_x[i - 1] < m_x[i] - x)
        --i;
    return i;
}

void LossPlot::showReadout(QMouseEvent *event)
{
    const double x = m_panels[0]->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x());
    const int i = nearestIndex(x);
    if (i < 0)
        return;
    QStringList parts;
    parts << tr("iteration %1").arg(static_cast<qint64>(m_x[i]));
    for (int k = 0; k < kSeries; ++k)
        parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(kNames[k])).arg(m_raw[k][i], 0, 'g', 4);
    parts << tr("lr %1").arg(m_lr[i], 0, 'g', 3);
    m_hovered = true;
    m_readout->setText(parts.join(QStringLiteral("  ")));
}

} // namespace cgs::ui
