#include "ui/widgets/metrics_plot.h"

#include <qcustomplot.h>

#include <cmath>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

cgs::MetricsRow row(int epoch, const char *direction, double swd) {
    cgs::MetricsRow r;
    r.checkpoint = "epoch_000" + std::to_string(epoch);
    r.epoch = epoch;
    r.direction = direction;
    r.images = 3;
    r.referenceImages = 3;
    r.swd = swd;
    return r;
}

// Three epochs: the epoch axis is ticked at whole epochs only (no "1.5" or "2.5"), and the best
// checkpoint of each direction is the lowest value.
TEST(MetricsPlot, EpochAxisHasWholeTicksAndTheBestIsTheLowest) {
    MetricsPlot plot;
    plot.resize(400, 300);
    plot.show();
    plot.setRows({row(1, "AtoB", 236.0), row(2, "AtoB", 231.3), row(3, "AtoB", 226.5),
                  row(1, "BtoA", 159.8), row(2, "BtoA", 150.1), row(3, "BtoA", 160.9)});
    plot.plot()->replot();
    const QVector<double> ticks = plot.plot()->xAxis->tickVector();
    ASSERT_FALSE(ticks.isEmpty());
    for (double t : ticks)
        EXPECT_DOUBLE_EQ(t, std::round(t)) << "tick at epoch " << t;
    EXPECT_EQ(plot.bestCheckpoint(QStringLiteral("AtoB")), QStringLiteral("epoch_0003"));
    EXPECT_EQ(plot.bestCheckpoint(QStringLiteral("BtoA")), QStringLiteral("epoch_0002"));
    EXPECT_EQ(plot.metricName(), QStringLiteral("SWD"));
}

} // namespace
} // namespace cgs::ui
