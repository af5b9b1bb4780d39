#include "ui/train/train_page.h"

#include "core/engine/checkpoint/model_location.h"
#include "core/engine/error.h"
#include "core/engine/train/run_folder.h"
#include "ui/demo_locator.h"
#include "ui/failure_summary.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/metrics_plot.h"
#include "ui/train/loss_plot.h"
#include "ui/train/preview_files.h"
#include "ui/train/preview_panel.h"
#include "ui/train/train_options_form.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace cgs::ui {

namespace {
QString formatDuration(double seconds)
{
    if (seconds <= 0 || !std::isfinite(seconds))
        return QStringLiteral("--:--");
    const qint64 s = static_cast<qint64>(seconds + 0.5);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TrainPage::TrainPage(QWidget *parent)
    : QWidget(parent), m_form(new TrainOptionsForm), m_plot(new LossPlot),
      m_previews(new PreviewPanel), m_banner(new ErrorBanner), m_log(new QPlainTextEdit)
{
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    m_formScroll = formScroll;
    fitFormWidth();
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(formScroll, 1);
    m_controls = buildControls();
    leftLayout->addWidget(m_controls);
    // While watching a run trained elsewhere: what it is, in place of the buttons.
    m_watchBar = new QWidget;
    m_watchLabel = new QLabel;
    m_watchLabel->setWordWrap(true);
    m_stopWatching = new QPushButton;
    auto *watchLayout = new QHBoxLayout(m_watchBar);
    watchLayout->setContentsMargins(0, 0, 0, 0);
    watchLayout->addWidget(m_watchLabel, 1);
    watchLayout->addWidget(m_stopWatching);
    m_watchBar->hide();
    leftLayout->addWidget(m_watchBar);
    connect(m_stopWatching, &QPushButton::clicked, this, &TrainPage::stopWatching);
    connect(&m_watcher, &RunWatcher::stepsRead, this, &TrainPage::showWatchedSteps);
    connect(&m_watcher, &RunWatcher::previewRead, m_previews, &PreviewPanel::addFrame);
    connect(&m_watcher, &RunWatcher::statusChanged, this, &TrainPage::showWatchedStatus);
    connect(&m_watcher, &RunWatcher::checkpointFound, this, [this](const QString &tag) {
        appendLog(cgs::LogLevel::Info, tr("Checkpoint %1 is in the run folder").arg(tag));
    });
    connect(&m_historyLoad, &QFutureWatcher<QVector<PreviewFrame>>::finished, this,
            [this] { m_previews->addHistory(m_historyLoad.result()); });

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_previews, QString());
    m_tabs->addTab(m_log, QString());
    m_metricsPlot = new MetricsPlot;
    m_tabs->addTab(m_metricsPlot, QString());
    m_metricsTimer.setInterval(5000);
    connect(&m_metricsTimer, &QTimer::timeout, this, [this] {
        if (!m_runDir.isEmpty())
            m_metricsPlot->loadRun(m_runDir);
    });
    m_metricsTimer.start();
    auto *charts = new QSplitter(Qt::Vertical);
    charts->addWidget(m_plot);
    charts->addWidget(m_tabs);
    // The previews get the larger share: they are what tells whether training works.
    charts->setStretchFactor(0, 2);
    charts->setStretchFactor(1, 3);

    m_state = new QLabel;
    m_progressText = new QLabel;
    m_throughput = new QLabel;
    m_device = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    auto *statusRow = new QHBoxLayout;
    for (QLabel *label : {m_state, m_progressText, m_throughput, m_device})
        statusRow->addWidget(label);
    statusRow->addStretch(1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addLayout(statusRow);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(charts, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(split);

    connect(&m_controller, &TrainingController::stateChanged, this, &TrainPage::updateButtons);
    connect(&m_controller, &TrainingController::stepsFinished, this, &TrainPage::showSteps);
    connect(&m_controller, &TrainingController::previewArrived, m_previews,
            &PreviewPanel::addFrame);
    connect(&m_controller, &TrainingController::trainingFailed, this, &TrainPage::showFailure);
    connect(&m_controller, &TrainingController::trainingFinished, this, &TrainPage::showFinished);
    connect(&m_controller, &TrainingController::messageLogged, this, &TrainPage::appendLog);
    connect(&m_controller, &TrainingController::trainingStarted, this,
            [this](const QString &device, qint64 startIteration, const QString &runDir) {
                m_device->setText(device);
                m_runDir = runDir;
                m_formBeforeResume.reset();
                m_started = true;
                m_metricsPlot->loadRun(runDir);
                appendLog(cgs::LogLevel::Info, tr("Started on %1 at iteration %2 in %3")
                                                   .arg(device)
                                                   .arg(startIteration)
                                                   .arg(QDir::toNativeSeparators(runDir)));
                emit runDirChanged(runDir);
            });
    connect(&m_controller, &TrainingController::checkpointWritten, this,
            [this](const QString &tag, const QString &path, qint64 iteration) {
                appendLog(cgs::LogLevel::Info, tr("Checkpoint %1 saved at iteration %2: %3")
                                                   .arg(tag)
                                                   .arg(iteration)
                                                   .arg(QDir::toNativeSeparators(path)));
                emit checkpointWritten(m_runDir, tag);
            });
    retranslateUi();
}

// The form column is as wide as the form with Advanced open, plus a vertical scroll bar: opening
// Advanced (or a longer translation) never adds a horizontal scroll bar or clips a field.
void TrainPage::fitFormWidth()
{
    m_formScroll->setMinimumWidth(m_form->fullWidthHint() + 2 * m_formScroll->frameWidth() +
                                  m_formScroll->verticalScrollBar()->sizeHint().width());
}

// m_controller stops and joins the training thread; a preview load in flight is waited for.
TrainPage::~TrainPage() { m_historyLoad.waitForFinished(); }

QWidget *TrainPage::buildControls()
{
    m_start = new QPushButton;
    m_pause = new QPushButton;
    m_stop = new QPushButton;
    m_resumeRun = new QPushButton;
    m_start->setIcon(QIcon(QStringLiteral(":/icons/start.png")));
    m_pause->setIcon(QIcon(QStringLiteral(":/icons/pause.png")));
    m_stop->setIcon(QIcon(QStringLiteral(":/icons/stop.png")));
    m_start->setDefault(true);
    auto *box = new QWidget;
    auto *grid = new QHBoxLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_start, m_pause, m_stop, m_resumeRun})
        grid->addWidget(b);
    connect(m_start, &QPushButton::clicked, this, &TrainPage::startTraining);
    connect(m_pause, &QPushButton::clicked, this, &TrainPage::togglePause);
    connect(m_stop, &QPushButton::clicked, this, &TrainPage::stopTraining);
    connect(m_resumeRun, &QPushButton::clicked, this, [this] { resumeRun(); });
    return box;
}

void TrainPage::retranslateUi()
{
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_resumeRun->setText(tr("Resume run\u2026"));
    m_start->setToolTip(tr("Start a new run with these options (Ctrl+R)"));
    m_resumeRun->setToolTip(tr("Continue an earlier run from its folder"));
    m_tabs->setTabText(0, tr("Previews"));
    m_tabs->setTabText(1, tr("Log"));
    m_tabs->setTabText(2, tr("Metrics"));
    m_stopWatching->setText(tr("Stop watching"));
    showWatchedStatus();
    // The tabs stay whole in any language.
    m_tabs->setMinimumWidth(m_tabs->tabBar()->sizeHint().width());
    if (m_device->text().isEmpty())
        m_device->setText(QString());
    updateButtons();
    showSteps({});
    QTimer::singleShot(0, this, &TrainPage::fitFormWidth);
}

void TrainPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString TrainPage::statusText() const
{
    return m_state->text() + QLatin1Char(' ') + m_progressText->text() + QLatin1Char(' ') +
           m_throughput->text();
}

void TrainPage::updateButtons()
{
    using State = TrainingController::State;
    const State state = m_controller.state();
    const bool watching = m_watcher.isWatching();
    m_start->setEnabled(state == State::Idle && !watching);
    m_resumeRun->setEnabled(state == State::Idle && !watching);
    m_form->setEditable(state == State::Idle && !watching);
    m_controls->setVisible(!watching);
    m_watchBar->setVisible(watching);
    m_pause->setEnabled(state == State::Running || state == State::Paused ||
                        state == State::Starting);
    m_stop->setEnabled(state != State::Idle && state != State::Stopping);
    m_pause->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(QIcon(state == State::Paused ? QStringLiteral(":/icons/start.png")
                                                  : QStringLiteral(":/icons/pause.png")));
    switch (state) {
    case State::Idle: m_state->setText(watching ? tr("Watching") : tr("Idle")); break;
    case State::Starting: m_state->setText(tr("Starting\u2026")); break;
    case State::Running: m_state->setText(tr("Training")); break;
    case State::Paused: m_state->setText(tr("Paused")); break;
    case State::Stopping: m_state->setText(tr("Stopping\u2026")); break;
    }
    showSteps({}); // the throughput and ETA only while running
    if (watching)
        showWatchedStatus();
}

bool TrainPage::refuseWhileActive()
{
    if (!m_controller.isActive())
        return false;
    // Reached through a shortcut or the menu: the buttons are disabled. Nothing is touched,
    // least of all the live plot of the running training.
    m_banner->showMessage(ErrorBanner::Level::Warning, tr("A training is already running"),
                          tr("Stop it first, or start a second CycleGAN Studio to train two runs at once."));
    return true;
}

void TrainPage::startTraining()
{
    if (refuseWhileActive())
        return;
    // A new run replaces a run shown read-only, with the options the form holds now.
    if (m_watcher.isWatching()) {
        m_watcher.stop();
        m_formBeforeWatch.reset();
    }
    cgs::TrainOptions options = m_form->options();
    // A new run never overwrites an old one: pick the next free name.
    const QString base = QString::fromStdString(options.name);
    QString name = base;
    const QDir runs(QString::fromStdString(options.checkpointsDir));
    auto taken = [&runs](const QString &candidate) {
        return cgs::RunFolder(runs.filePath(candidate).toStdString()).holdsRun();
    };
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1_%2").arg(base).arg(n);
    options.name = name.toStdString();
    m_form->setRunName(name);
    options.continueTrain = false;
    startWith(options, History::Clear);
}

void TrainPage::startWith(const cgs::TrainOptions &options, History history)
{
    m_banner->clear();
    m_form->clearMarks();
    try {
        options.validate();
    } catch (const std::exception &e) {
        m_banner->showError(tr("The options are not valid"),
                            m_form->explainError(QString::fromUtf8(e.what())));
        m_formBeforeResume.reset();
        resetStatus({});
        return;
    }
    if (history == History::Clear) {
        m_plot->clear();
        m_previews->clear();
        resetStatus({});
    }
    m_previews->setDomainNames(domainNamesOf(options));
    m_started = false;
    m_controller.start(options);
}

void TrainPage::togglePause()
{
    if (m_controller.state() == TrainingController::State::Paused)
        m_controller.resume();
    else
        m_controller.pause();
}

void TrainPage::stopTraining() { m_controller.stop(); }

void TrainPage::resumeRun(const QString &runDirArg, int extraEpochs)
{
    if (refuseWhileActive())
        return;
    QString runDir = runDirArg;
    if (runDir.isEmpty()) {
        // The runs folder (often hidden, under ~/.local/share), not $HOME or the last run.
        QString runs = QString::fromStdString(m_form->options().checkpointsDir);
        if (runs.isEmpty() || !QDir(runs).exists())
            runs = DemoLocator::defaultRunsDir();
        runDir = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), runs);
        if (runDir.isEmpty())
            return;
    }
    const cgs::RunFolder folder(runDir.toStdString());
    if (!folder.holdsRun() && cgs::locateModel(folder.dir()).isOfficialFolder()) {
        // The official train.py's run: its options (train_opt.txt) are not read here.
        const QDir dir(runDir);
        m_banner->showError(
            tr("This is a run of the official code"),
            tr("Continue it once from the command line, with the options it was trained with:\n"
               "cyclegan train --dataroot <data> --name %1 --checkpoints_dir %2 "
               "--continue_train --epoch_count <next epoch>\n"
               "From then on, Resume run\u2026 continues it here.")
                .arg(dir.dirName(),
                     QDir::toNativeSeparators(QDir::cleanPath(dir.absoluteFilePath(QStringLiteral(".."))))));
        return;
    }
    const cgs::RunFolder::Status status = folder.status();
    if (status.state == cgs::RunFolder::RunState::Training ||
        status.state == cgs::RunFolder::RunState::Paused) {
        // Another process trains it (this page's own training was refused above): follow it.
        openRun(runDir);
        m_banner->showMessage(ErrorBanner::Level::Info,
                              tr("This run is being trained by another process: watching it."),
                              watchText());
        return;
    }
    if (isWatching())
        stopWatching();
    cgs::TrainOptions options;
    try {
        options = folder.readOptions(); // rebased to where the folder is now
    } catch (const std::exception &e) {
        m_banner->showError(tr("This folder cannot be resumed"), QString::fromUtf8(e.what()));
        return;
    }
    options.continueTrain = true;
    options.epoch = "latest";
    // More epochs for a finished run: the decay is stretched over them, from where it is.
    if (extraEpochs > 0)
        options.nEpochsDecay += extraEpochs;
    m_formBeforeResume = m_form->options();
    m_form->setOptions(options);
    const std::vector<cgs::StepReport> steps = folder.readLosses().steps;
    const QVector<cgs::StepReport> history(steps.begin(), steps.end());
    m_plot->setHistory(history);
    resetStatus(history.isEmpty() ? cgs::StepReport{} : history.last());
    m_previews->clear();
    loadPreviewHistory(runDir);
    startWith(options, History::Keep);
}

// The previews a run saved (the newest 200; decoded off the GUI thread), in front of the live
// ones.
void TrainPage::loadPreviewHistory(const QString &runDir)
{
    m_historyLoad.waitForFinished();
    std::vector<std::string> files = cgs::RunFolder(runDir.toStdString()).previews();
    if (files.size() > 200)
        files.erase(files.begin(), files.end() - 200);
    QStringList paths;
    for (const std::string &f : files)
        paths << QString::fromStdString(f);
    m_historyLoad.setFuture(QtConcurrent::run([paths] {
        QVector<PreviewFrame> frames;
        for (const QString &path : paths)
            frames << previewFrameFromFile(path);
        return frames;
    }));
}

void TrainPage::openRun(const QString &runDirArg)
{
    const QString runDir = QDir::cleanPath(QDir(runDirArg).absolutePath());
    if (m_controller.isActive() && QDir::cleanPath(m_runDir) == runDir)
        return; // this page trains it: already shown
    if (refuseWhileActive())
        return;
    m_banner->clear();
    const cgs::RunFolder folder(runDir.toStdString());
    try {
        const cgs::TrainOptions options = folder.readOptions();
        if (!m_formBeforeWatch)
            m_formBeforeWatch = m_form->options();
        m_form->setOptions(options);
        m_previews->setDomainNames(domainNamesOf(options));
    } catch (const std::exception &e) {
        m_banner->showError(tr("This folder is not a run"), QString::fromUtf8(e.what()));
        return;
    }
    m_historyLoad.waitForFinished();
    m_plot->clear();
    m_previews->clear();
    resetStatus({});
    m_runDir = runDir;
    appendLog(cgs::LogLevel::Info, tr("Opened %1").arg(QDir::toNativeSeparators(runDir)));
    m_watcher.watch(runDir);
    m_metricsPlot->loadRun(runDir);
    updateButtons();
    showWatchedStatus();
}

void TrainPage::stopWatching()
{
    if (!m_watcher.isWatching())
        return;
    m_watcher.stop();
    if (m_formBeforeWatch) {
        m_form->setOptions(*m_formBeforeWatch);
        m_formBeforeWatch.reset();
    }
    // Closed: nothing of that run stays on the page (the walk saw its curves, status and a
    // field's red mark linger).
    m_historyLoad.waitForFinished();
    m_plot->clear();
    m_previews->clear();
    m_metricsPlot->setRows({});
    m_banner->clear();
    m_form->clearMarks();
    resetStatus({});
    updateButtons();
}

void TrainPage::showWatchedSteps(const QVector<cgs::StepReport> &stepsArg, bool restarted)
{
    // The log has no totals: the trainer's heartbeat gives them.
    QVector<cgs::StepReport> steps = stepsArg;
    if (const auto &beat = m_watcher.status().heartbeat)
        for (cgs::StepReport &s : steps) {
            s.totalEpochs = beat->totalEpochs;
            s.totalIterations = beat->totalIterations;
        }
    if (restarted) {
        m_plot->setHistory(steps);
        resetStatus(steps.isEmpty() ? cgs::StepReport{} : steps.last());
    } else {
        showSteps(steps);
    }
}

QString TrainPage::watchText() const
{
    if (!m_watcher.isWatching())
        return QString();
    const QString name = QDir(m_watcher.runDir()).dirName();
    const cgs::RunFolder::Status status = m_watcher.status();
    const auto &beat = status.heartbeat;
    const QString who = beat && !beat->host.empty()
                            ? tr("%1, process %2")
                                  .arg(QString::fromStdString(beat->host))
                                  .arg(beat->pid)
                            : tr("another process");
    using S = cgs::RunFolder::RunState;
    switch (status.state) {
    case S::Training: return tr("Watching %1: trained by %2").arg(name, who);
    case S::Paused: return tr("Watching %1: paused by %2").arg(name, who);
    case S::Stopped: return tr("%1 is stopped (not being trained)").arg(name);
    case S::Finished: return tr("%1 finished its training").arg(name);
    case S::Failed:
        return tr("%1 failed: %2").arg(name, QString::fromStdString(status.detail));
    }
    return QString();
}

void TrainPage::showWatchedStatus()
{
    if (!m_watcher.isWatching())
        return;
    m_watchLabel->setText(watchText());
    const bool live = m_watcher.status().state == cgs::RunFolder::RunState::Training ||
                      m_watcher.status().state == cgs::RunFolder::RunState::Paused;
    m_stopWatching->setText(live ? tr("Stop watching") : tr("Close"));
    m_state->setText(live ? tr("Watching") : tr("Viewing"));
}

void TrainPage::showSteps(const QVector<cgs::StepReport> &steps)
{
    if (!steps.isEmpty()) {
        m_plot->appendSteps(steps);
        m_lastStep = steps.last();
    }
    const cgs::StepReport &s = m_lastStep;
    m_throughput->clear();
    if (s.iteration == 0) {
        m_progressText->setText(tr("No steps yet"));
        m_progress->setValue(0);
        return;
    }
    m_progressText->setText(s.totalIterations > 0 ? tr("Epoch %1/%2, iteration %3/%4")
                                                        .arg(s.epoch)
                                                        .arg(s.totalEpochs)
                                                        .arg(s.iteration)
                                                        .arg(s.totalIterations)
                                                  : tr("Iteration %1").arg(s.iteration));
    m_progress->setMaximum(1000);
    m_progress->setValue(s.totalIterations > 0
                             ? static_cast<int>(1000.0 * s.iteration / s.totalIterations)
                             : 0);
    // Speed and time left only mean something while steps are being made.
    if (m_controller.state() != TrainingController::State::Running || s.secondsPerIteration <= 0)
        return;
    m_throughput->setText(tr("%1 it/s, ETA %2")
                              .arg(1.0 / s.secondsPerIteration, 0, 'f', 2)
                              .arg(formatDuration(s.etaSeconds)));
}

// A new run, a loaded run or a failed start: nothing of the previous run's status stays.
void TrainPage::resetStatus(const cgs::StepReport &last)
{
    m_lastStep = last;
    m_lastStep.secondsPerIteration = 0;
    m_lastStep.etaSeconds = 0;
    m_device->clear();
    showSteps({});
}

void TrainPage::showFailure(cgs::ErrorKind kind, const QString &message) {
    const QString summary = failureSummary(kind);
    const QString detail = m_form->explainError(message);
    m_banner->showError(summary, detail);
    appendLog(cgs::LogLevel::Error, summary + QStringLiteral(": ") + detail);
    if (m_formBeforeResume) { // a refused resume leaves the form as the user had it
        m_form->setOptions(*m_formBeforeResume);
        m_formBeforeResume.reset();
    }
    if (!m_started)
        resetStatus(m_lastStep);
}

void TrainPage::showFinished(bool completed, qint64 iterations, const QString &runDir)
{
    const QString text = completed ? tr("Training finished after %1 iterations.").arg(iterations)
                                   : tr("Training stopped at iteration %1; resume it with "
                                        "\u201cResume run\u201d.")
                                         .arg(iterations);
    m_banner->showMessage(ErrorBanner::Level::Info, text, QDir::toNativeSeparators(runDir));
    appendLog(cgs::LogLevel::Info, text);
    emit runDirChanged(runDir);
}

void TrainPage::appendLog(cgs::LogLevel level, const QString &message) {
    const QString prefix = level == cgs::LogLevel::Error     ? tr("error: ")
                           : level == cgs::LogLevel::Warning ? tr("warning: ")
                                                             : QString();
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + prefix +
                           message);
    // Follow the newest line (as a terminal does), also while the Log tab is hidden; again once
    // the new line is laid out.
    QScrollBar *bar = m_log->verticalScrollBar();
    bar->setValue(bar->maximum());
    QTimer::singleShot(0, bar, [bar] { bar->setValue(bar->maximum()); });
}

void TrainPage::loadSettings(QSettings &settings) { m_form->loadSettings(settings); }

void TrainPage::saveSettings(QSettings &settings) const { m_form->saveSettings(settings); }

} // namespace cgs::ui
