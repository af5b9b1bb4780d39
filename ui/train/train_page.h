#pragma once

#include "ui/train/run_watcher.h"
#include "ui/train/training_controller.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSettings;
class QTabWidget;

namespace cgs::ui {

class ErrorBanner;
class LossPlot;
class MetricsPlot;
class PreviewPanel;
class TrainOptionsForm;

// The Train page: options, Start / Pause-Resume / Stop / Resume run, live loss curves,
// throughput and ETA, live previews, a log, and failures shown inline (the plot and previews of
// the run stay). Owns the TrainingController, so destroying the page stops the run cleanly.
// It also shows a run it does not train (openRun): read-only, following it live while another
// process (the CLI, a job on another host) trains it, with "watching" in place of the
// Start / Pause / Stop buttons.
class TrainPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainPage(QWidget *parent = nullptr);
    ~TrainPage() override;

    TrainingController *controller() { return &m_controller; }
    TrainOptionsForm *optionsForm() const { return m_form; }
    LossPlot *lossPlot() const { return m_plot; }
    // metrics.csv of the current run, re-read every few seconds (it grows with --eval_freq or
    // the Compare page's Evaluate).
    MetricsPlot *metricsPlot() const { return m_metricsPlot; }
    PreviewPanel *previewPanel() const { return m_previews; }
    ErrorBanner *banner() const { return m_banner; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *resumeRunButton() const { return m_resumeRun; }
    QString statusText() const;
    // The run folder of the current or last run ("" before the first).
    QString runDir() const { return m_runDir; }
    // True while the page shows a run opened with openRun (not trained by this page).
    bool isWatching() const { return m_watcher.isWatching(); }
    QWidget *watchBar() const { return m_watchBar; }
    QString watchText() const;

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

public slots:
    void startTraining();
    void togglePause();
    void stopTraining();
    // Resumes our run in `runDir` (cgs::RunFolder::readOptions, from its latest checkpoint); shows its
    // whole loss history and its previews first. Without an argument asks for the folder.
    // extraEpochs > 0 trains that many epochs more than the run has (a finished run: the
    // learning rate decays again to zero over them). A run that another process is training
    // is opened (watched) instead.
    void resumeRun(const QString &runDir = {}, int extraEpochs = 0);
    // Shows a run without training it: its options (read-only), curves, previews and metrics,
    // followed live while another process writes it (RunWatcher).
    void openRun(const QString &runDir);
    // Leaves a run opened with openRun; the form is as it was before.
    void stopWatching();
    void retranslateUi();
    // Adds a line to the Log tab (level 0 info, 1 warning, 2 error) and scrolls to it.
    void appendLog(cgs::LogLevel level, const QString &message);

signals:
    // A run folder started or wrote a checkpoint (for the model lists of the other pages).
    void runDirChanged(const QString &runDir);
    void checkpointWritten(const QString &runDir, const QString &tag);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildControls();
    enum class History { Clear, Keep }; // the plot and previews of what was shown before
    void startWith(const cgs::TrainOptions &options, History history);
    bool refuseWhileActive();
    void updateButtons();
    void showSteps(const QVector<cgs::StepReport> &steps);
    void showFailure(cgs::ErrorKind kind, const QString &message);
    void showFinished(bool completed, qint64 iterations, const QString &runDir);
    void resetStatus(const cgs::StepReport &last);
    void fitFormWidth();
    void showWatchedSteps(const QVector<cgs::StepReport> &steps, bool restarted);
    void showWatchedStatus();
    void loadPreviewHistory(const QString &runDir);

    TrainingController m_controller;
    TrainOptionsForm *m_form;
    LossPlot *m_plot;
    PreviewPanel *m_previews;
    ErrorBanner *m_banner;
    QPushButton *m_start, *m_pause, *m_stop, *m_resumeRun;
    QLabel *m_state, *m_progressText, *m_throughput, *m_device;
    QProgressBar *m_progress;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_log;
    QString m_runDir;
    MetricsPlot *m_metricsPlot;
    QTimer m_metricsTimer;
    cgs::StepReport m_lastStep;
    QScrollArea *m_formScroll = nullptr;
    std::optional<cgs::TrainOptions> m_formBeforeResume; // restored when the resume is refused
    bool m_started = false; // the current start reached trainingStarted
    QWidget *m_controls = nullptr; // Start, Pause, Stop, Resume run
    QWidget *m_watchBar = nullptr; // in their place while watching
    QLabel *m_watchLabel = nullptr;
    QPushButton *m_stopWatching = nullptr;
    RunWatcher m_watcher;
    std::optional<cgs::TrainOptions> m_formBeforeWatch;
    QFutureWatcher<QVector<PreviewFrame>> m_historyLoad; // previews of a resumed run, from disk
};

} // namespace cgs::ui
