#pragma once

#include "ui/core_meta_types.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QCPAxisRect;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QSlider;

namespace cgs::ui {

// Live loss curves of a run (QCustomPlot): the eight losses in three stacked panels sharing the
// iteration axis (adversarial G/D of both directions with the learning rate on a second axis;
// cycle; identity), exponential smoothing, a log-scale toggle, a hover read-out, zoom (wheel)
// and pan (drag); double-click goes back to following the run. Points are appended in batches
// and the plot is redrawn by a timer, never once per point.
class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget *parent = nullptr);

    int pointCount() const { return m_x.size(); }
    // Smoothing weight in [0, 0.99] (0 = raw values).
    double smoothing() const { return m_smoothing; }
    bool logScale() const;
    // The text currently shown by the hover read-out.
    QString readout() const;
    // Brings the axes and the drawing up to date now if the plot is visible (else when shown).
    void replotNow() { replotIfDirty(); }
    QCustomPlot *plot() const { return m_plot; }

public slots:
    void appendSteps(const QVector<cgs::StepReport> &steps);
    void setHistory(const QVector<cgs::StepReport> &steps);
    void clear();
    void setSmoothing(double weight);
    void setLogScale(bool on);
    void followRun();
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildPlot();
    QCPAxisRect *addPanel(int row);
    void appendSmoothed(int from);
    void rebuildGraphs();
    void replotIfDirty();
    void fitToRun();
    void showReadout(QMouseEvent *event);
    int nearestIndex(double x) const;

    QCustomPlot *m_plot = nullptr;
    QVector<QCPAxisRect *> m_panels;
    QVector<QCPGraph *> m_lossGraphs; // in LossValues order
    QCPGraph *m_lrGraph = nullptr;
    QCheckBox *m_logScale = nullptr;
    QSlider *m_smoothingSlider = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QLabel *m_readout = nullptr;
    QTimer m_replotTimer;

    QVector<double> m_x;
    QVector<QVector<double>> m_raw; // 8 series
    QVector<double> m_lr;
    QVector<double> m_ema;          // running smoothed state per series
    double m_smoothing = 0.6;
    bool m_dirty = false;
    bool m_follow = true;
    bool m_hovered = false; // the read-out shows values (not the hint)
};

} // namespace cgs::ui
