#include "ui/train/loss_plot.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QMouseEvent>

#include <gtest/gtest.h>

#include <cmath>

namespace cgs::ui {
namespace {

QVector<cgs::StepReport> steps(int from, int count)
{
    QVector<cgs::StepReport> result;
    for (int i = from; i < from + count; ++i) {
        cgs::StepReport s;
        s.iteration = i;
        s.lr = 0.0002;
        s.losses = {0.5, 1.0, 2.0 + i % 3, 1.0, 0.25, 0.9, 1.5, 0.7};
        result << s;
    }
    return result;
}

// A run's log as a trainer writes it: losses that fall by two orders of magnitude, spikes.
QVector<cgs::StepReport> driftingSteps(int from, int count)
{
    QVector<cgs::StepReport> result;
    for (int i = from; i < from + count; ++i) {
        cgs::StepReport s;
        s.iteration = i;
        s.lr = i < 150 ? 0.0002 : 0.0002 * (300 - i) / 150.0;
        const double fall = std::exp(-i / 40.0);
        const double spike = i % 37 == 0 ? 3.0 : 0.0;
        s.losses = {0.5 * fall + 0.2, 1.0 + spike, 8.0 * fall + 0.05, 4.0 * fall + 0.02,
                    0.25,             0.9 * fall,  6.0 * fall + 0.1 + spike, 3.0 * fall};
        result << s;
    }
    return result;
}

// Every point of every curve lies inside the ranges of the axes it is drawn on.
void expectAllPointsInside(const LossPlot &plot)
{
    QCustomPlot *p = plot.plot();
    for (int g = 0; g < p->graphCount(); ++g) {
        QCPGraph *graph = p->graph(g);
        const QCPRange keys = graph->keyAxis()->range();
        const QCPRange values = graph->valueAxis()->range();
        ASSERT_GT(graph->data()->size(), 0);
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            ASSERT_TRUE(keys.contains(it->key))
                << graph->name().toStdString() << " iteration " << it->key << " outside ["
                << keys.lower << ", " << keys.upper << "]";
            ASSERT_TRUE(values.contains(it->value))
                << graph->name().toStdString() << " value " << it->value << " at " << it->key
                << " outside [" << values.lower << ", " << values.upper << "]";
        }
    }
}

TEST(LossPlot, AHistoryLoadedAfterAShortRunFitsItsPanels)
{
    LossPlot plot;
    plot.resize(900, 600);
    plot.show();
    plot.appendSteps(steps(1, 5)); // a run of 5 steps was on show ...
    plot.replotNow();
    plot.setHistory(driftingSteps(1, 300)); // ... then a finished run of 300 is loaded
    plot.replotNow();
    expectAllPointsInside(plot);
}

TEST(LossPlot, AHiddenPlotCatchesUpWhenShownAgain)
{
    QWidget window;
    auto *plot = new LossPlot(&window);
    window.resize(900, 600);
    plot->resize(900, 600);
    window.show();
    plot->appendSteps(driftingSteps(1, 5));
    plot->replotNow();
    plot->hide(); // the user looks at another page while the run goes on
    plot->appendSteps(driftingSteps(6, 295));
    plot->replotNow();
    plot->show();
    expectAllPointsInside(*plot);
}

TEST(LossPlot, TheReadoutNeverWidensTheWindowAndForgetsAnEarlierRun)
{
    LossPlot plot;
    plot.resize(500, 500);
    plot.show();
    plot.appendSteps(driftingSteps(1, 300));
    plot.replotNow();
    const int minimumBefore = plot.minimumSizeHint().width();
    const QPoint middle = plot.plot()->rect().center();
    QMouseEvent move(QEvent::MouseMove, middle, plot.plot()->mapToGlobal(middle), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot.plot(), &move);
    ASSERT_TRUE(plot.readout().contains("iteration")) << plot.readout().toStdString();
    EXPECT_GT(plot.fontMetrics().horizontalAdvance(plot.readout()), 500); // longer than the plot
    EXPECT_EQ(plot.minimumSizeHint().width(), minimumBefore);
    EXPECT_LE(plot.sizeHint().width(), 500 + minimumBefore);

    plot.clear(); // another run is loaded or started
    EXPECT_FALSE(plot.readout().contains("iteration")) << plot.readout().toStdString();
}

TEST(LossPlot, ShortPanelsHaveFewerTicks)
{
    LossPlot plot;
    plot.resize(900, 900);
    plot.show();
    QApplication::processEvents();
    const int tall = plot.plot()->axisRect(0)->axis(QCPAxis::atLeft)->ticker()->tickCount();
    plot.resize(900, 330);
    QApplication::processEvents();
    const int shortTicks = plot.plot()->axisRect(0)->axis(QCPAxis::atLeft)->ticker()->tickCount();
    EXPECT_LT(shortTicks, tall);
    EXPECT_GE(shortTicks, 2);
}

TEST(LossPlot, AppendsBatchesAndSmoothsWithoutBias)
{
    LossPlot plot;
    plot.appendSteps(steps(1, 10));
    plot.appendSteps(steps(11, 5));
    EXPECT_EQ(plot.pointCount(), 15);
    // Eight loss graphs and the learning rate; the first smoothed value equals the raw one.
    ASSERT_EQ(plot.plot()->graphCount(), 9);
    EXPECT_DOUBLE_EQ(plot.plot()->graph(0)->data()->at(0)->value, 0.5);
    EXPECT_EQ(plot.plot()->graph(0)->data()->size(), 15);

    plot.setSmoothing(0.0);
    EXPECT_DOUBLE_EQ(plot.plot()->graph(2)->data()->at(1)->value, 2.0 + 2 % 3);
    plot.setSmoothing(0.9);
    EXPECT_EQ(plot.plot()->graph(2)->data()->size(), 15);
}

TEST(LossPlot, LogScaleTogglesEveryPanel)
{
    LossPlot plot;
    plot.setLogScale(true);
    EXPECT_TRUE(plot.logScale());
    for (QCPAxisRect *rect : plot.plot()->axisRects())
        EXPECT_EQ(rect->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLogarithmic);
    plot.setLogScale(false);
    for (QCPAxisRect *rect : plot.plot()->axisRects())
        EXPECT_EQ(rect->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
}

TEST(LossPlot, HistoryReplacesAndClearEmpties)
{
    LossPlot plot;
    plot.appendSteps(steps(1, 3));
    plot.setHistory(steps(1, 7));
    EXPECT_EQ(plot.pointCount(), 7);
    plot.clear();
    EXPECT_EQ(plot.pointCount(), 0);
    EXPECT_EQ(plot.plot()->graph(0)->data()->size(), 0);
}

} // namespace
} // namespace cgs::ui
