#include "ui/train/loss_plot.h"

#include <qcustomplot.h>

#include <gtest/gtest.h>

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
