#include "ui/main_window.h"

#include "core/engine/checkpoint/model_location.h"
#include "core/engine/device.h"
#include "core/engine/train/run_folder.h"
#include "ui/compare/compare_page.h"
#include "ui/demo_locator.h"
#include "ui/download/download_dialog.h"
#include "ui/export/export_page.h"
#include "ui/language_manager.h"
#include "ui/runs/run_catalog.h"
#include "ui/runs/runs_page.h"
#include "ui/widgets/model_picker.h"
#include "ui/widgets/wheel_guard.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "ui/translate/translate_page.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>

#if __has_include(<opencv2/core/version.hpp>)
#include <opencv2/core/version.hpp> // CV_VERSION only: the About box names the OpenCV in use
#endif

namespace cgs::ui {

namespace {
const QSize kMinimumSize(1100, 660);
} // namespace

MainWindow::MainWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent), m_languages(languages), m_sideBar(new QListWidget),
      m_stack(new QStackedWidget), m_train(new TrainPage), m_translate(new TranslatePage),
      m_compare(new ComparePage), m_export(new ExportPage), m_catalog(new RunCatalog(this)),
      m_runs(new RunsPage(m_catalog)), m_deviceLabel(new QLabel)
{
    initResources();
    // Spin and combo boxes take the wheel only with the focus, in every window of the studio.
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        WheelGuard::install(*app);
    setWindowIcon(QIcon(QStringLiteral(":/icons/cyclegan-studio.png")));
    m_sideBar->setViewMode(QListView::IconMode);
    m_sideBar->setFlow(QListView::TopToBottom);
    m_sideBar->setMovement(QListView::Static);
    m_sideBar->setIconSize(QSize(40, 40));
    m_sideBar->setGridSize(QSize(96, 76));
    m_sideBar->setFixedWidth(104);
    m_sideBar->setSpacing(2);
    const char *icons[] = {":/icons/train.png", ":/icons/translate.png", ":/icons/compare.png",
                           ":/icons/export.png", ":/icons/folder.png"};
    for (const char *icon : icons)
        new QListWidgetItem(QIcon(QString::fromLatin1(icon)), QString(), m_sideBar);
    for (QWidget *page :
         std::initializer_list<QWidget *>{m_train, m_translate, m_compare, m_export, m_runs})
        m_stack->addWidget(page);
    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_sideBar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    // Below this the pages' layouts cannot fit (widgets would overlap or be clipped); it fits a
    // 1366 × 768 laptop screen with a task bar.
    setMinimumSize(kMinimumSize);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_sideBar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // The training shortcuts act only where their buttons are.
    connect(m_sideBar, &QListWidget::currentRowChanged, this, &MainWindow::trainingStateChanged);
    connect(m_train, &TrainPage::runDirChanged, this, &MainWindow::useRun);
    connect(m_train->controller(), &TrainingController::stateChanged, this,
            &MainWindow::trainingStateChanged);
    connect(m_train->controller(), &TrainingController::trainingFailed, this, [this] {
        if (m_closeWhenIdle) {
            m_closeWhenIdle = false;
            statusBar()->clearMessage();
            showPage(TrainPageIndex); // where the failure is shown
        }
    });
    connect(m_train, &TrainPage::checkpointWritten, this,
            [this](const QString &runDir, const QString &tag) {
                useRun(runDir);
                m_translate->followCheckpoint(runDir, tag);
            });

    // The Runs page: its actions lead to the other pages; its runs fill their model lists.
    connect(m_catalog, &RunCatalog::changed, this, &MainWindow::offerRuns);
    connect(m_sideBar, &QListWidget::currentRowChanged, this, [this](int page) {
        if (page == RunsPageIndex)
            followRunsFolder(); // the Train form's runs folder may have changed
    });
    connect(m_runs, &RunsPage::openRequested, this, [this](const QString &runDir) {
        showPage(TrainPageIndex);
        m_train->openRun(runDir);
    });
    connect(m_runs, &RunsPage::continueRequested, this,
            [this](const QString &runDir, int extraEpochs) {
                showPage(TrainPageIndex);
                m_train->resumeRun(runDir, extraEpochs);
            });
    connect(m_runs, &RunsPage::translateRequested, this, [this](const QString &runDir) {
        m_translate->modelPicker()->setModel(runDir);
        showPage(TranslatePageIndex);
    });
    connect(m_runs, &RunsPage::compareRequested, this, [this](const QString &runDir) {
        m_compare->clearModels();
        m_compare->addRunCheckpoints(runDir);
        showPage(ComparePageIndex);
    });
    connect(m_train, &TrainPage::runDirChanged, m_catalog, &RunCatalog::refresh);

    buildMenus();
    trainingStateChanged(); // enables the Train menu's actions for the idle state
    loadSettings();
    retranslateUi();
    detectDevice();
    // Once the window is up: a training that the last close interrupted is offered back.
    QTimer::singleShot(0, this, &MainWindow::offerInterruptedRun);
}

MainWindow::~MainWindow() = default; // the pages stop their jobs and threads themselves

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_resumeAction = m_fileMenu->addAction(QString(), m_train, [this] { m_train->resumeRun(); });
    m_resumeAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_openModelAction = m_fileMenu->addAction(QString(), this, [this] {
        showPage(TranslatePageIndex);
        m_translate->openFiles();
    });
    m_openModelAction->setShortcut(QKeySequence::Open); // desktop convention: Ctrl+O opens files
    m_downloadAction = m_fileMenu->addAction(QString(), this, &MainWindow::showDownloads);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_trainMenu = menuBar()->addMenu(QString());
    m_startAction = m_trainMenu->addAction(QIcon(QStringLiteral(":/icons/start.png")), QString(),
                                           m_train, &TrainPage::startTraining);
    m_startAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_pauseAction = m_trainMenu->addAction(QIcon(QStringLiteral(":/icons/pause.png")), QString(),
                                           m_train, &TrainPage::togglePause);
    m_pauseAction->setShortcut(Qt::CTRL | Qt::Key_P);
    m_stopAction = m_trainMenu->addAction(QIcon(QStringLiteral(":/icons/stop.png")), QString(),
                                          m_train, &TrainPage::stopTraining);
    m_stopAction->setShortcut(Qt::CTRL | Qt::Key_Period);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < PageCount; ++i) {
        QAction *action = m_viewMenu->addAction(QString(), this, [this, i] { showPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        m_pageActions << action;
    }
    m_settingsMenu = menuBar()->addMenu(QString());
    if (m_languages)
        buildLanguageMenu();
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpAction = m_helpMenu->addAction(QString(), this, &MainWindow::showHelp);
    m_helpAction->setShortcut(QKeySequence::HelpContents);
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
}

void MainWindow::buildLanguageMenu()
{
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    const QStringList codes = QStringList{QString()} + LanguageManager::availableLanguages();
    for (const QString &code : codes) {
        QAction *action = m_languageMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == m_languages->language());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, code] { m_languages->setLanguage(code); });
    }
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("CycleGAN Studio"));
    const QStringList pages = {tr("Train"), tr("Translate"), tr("Compare"), tr("Export"),
                               tr("Runs")};
    for (int i = 0; i < pages.size(); ++i) {
        m_sideBar->item(i)->setText(pages[i]);
        m_pageActions[i]->setText(pages[i]);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_resumeAction->setText(tr("&Resume run\u2026"));
    m_openModelAction->setText(tr("&Open images to translate\u2026"));
    m_downloadAction->setText(tr("&Get models and datasets\u2026"));
    m_quitAction->setText(tr("&Quit"));
    m_trainMenu->setTitle(tr("&Training"));
    m_startAction->setText(tr("&Start"));
    m_pauseAction->setText(tr("&Pause / Resume"));
    m_stopAction->setText(tr("S&top"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    if (m_languageMenu) {
        m_languageMenu->setTitle(tr("&Language"));
        for (QAction *action : m_languageGroup->actions()) {
            const QString code = action->data().toString();
            action->setText(code.isEmpty()            ? tr("System default")
                            : code == QLatin1String("ko") ? QStringLiteral("\ud55c\uad6d\uc5b4 (Korean)")
                            : code == QLatin1String("en") ? QStringLiteral("English")
                                                          : code);
        }
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_helpAction->setText(tr("CycleGAN Studio &Help"));
    m_aboutAction->setText(tr("&About CycleGAN Studio"));
    m_aboutQtAction->setText(tr("About &Qt"));
    // An NVIDIA GPU that training cannot use is said where the device is shown.
    m_deviceLabel->setToolTip(m_gpuUnavailable);
    if (!m_gpuUnavailable.isEmpty() && !m_deviceDescription.isEmpty())
        m_deviceLabel->setText(tr("Device: %1 \u2014 the NVIDIA GPU is not used (why: hover)")
                                   .arg(m_deviceDescription));
    else
        m_deviceLabel->setText(m_deviceDescription.isEmpty()
                                   ? tr("Detecting the compute device\u2026")
                                   : tr("Device: %1").arg(m_deviceDescription));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

int MainWindow::currentPage() const { return m_stack->currentIndex(); }

QString MainWindow::deviceText() const { return m_deviceLabel->text(); }

void MainWindow::showPage(int page)
{
    if (page >= 0 && page < m_stack->count())
        m_sideBar->setCurrentRow(page);
}

namespace {
// What the device probe finds, off the GUI thread (CUDA initialisation can take seconds).
struct DeviceProbe {
    QString description;
    std::vector<cgs::ComputeDevice> devices;
    QString gpuUnavailable;
};
} // namespace

void MainWindow::detectDevice()
{
    auto *watcher = new QFutureWatcher<DeviceProbe>(this);
    connect(watcher, &QFutureWatcher<DeviceProbe>::finished, this, [this, watcher] {
        const DeviceProbe probe = watcher->result();
        m_deviceDescription = probe.description;
        m_gpuUnavailable = probe.gpuUnavailable;
        m_train->optionsForm()->setDevices(probe.devices, probe.gpuUnavailable);
        retranslateUi();
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([] {
        DeviceProbe probe;
        try {
            probe.description = QString::fromStdString(cgs::describeDevice("auto").description);
        } catch (const std::exception &e) {
            probe.description = QString::fromUtf8(e.what());
        }
        probe.devices = cgs::listDevices();
        probe.gpuUnavailable = QString::fromStdString(cgs::gpuUnavailableReason());
        return probe;
    }));
}

void MainWindow::useRun(const QString &runDir)
{
    if (cgs::locateModel(runDir.toStdString()).kind != cgs::ModelKind::Run)
        return;
    ModelPicker::rememberModel(runDir);
    for (ModelPicker *picker : {m_translate->modelPicker(), m_export->modelPicker()}) {
        if (picker->model().isEmpty())
            picker->setModel(runDir);
        else
            picker->reloadRecent();
    }
}

DownloadDialog *MainWindow::showDownloads()
{
    if (!m_downloads) {
        m_downloads = new DownloadDialog(this);
        // A downloaded model is chosen on the Translate page and offered on the Export page.
        connect(m_downloads, &DownloadDialog::modelInstalled, this, [this](const QString &path) {
            m_translate->modelPicker()->setModel(path);
            m_export->modelPicker()->reloadRecent();
        });
    }
    m_downloads->refresh();
    m_downloads->show();
    m_downloads->raise();
    m_downloads->activateWindow();
    return m_downloads;
}

// The runs folder is the Train form's (where new runs go).
void MainWindow::followRunsFolder()
{
    QString folder = QString::fromStdString(m_train->optionsForm()->options().checkpointsDir);
    if (folder.isEmpty())
        folder = DemoLocator::defaultRunsDir();
    m_catalog->setRunsFolder(folder);
    for (ModelPicker *picker : {m_translate->modelPicker(), m_export->modelPicker()})
        picker->setRunsFolder(folder);
    m_compare->setRunsFolder(folder);
}

void MainWindow::offerRuns()
{
    const QStringList models = m_catalog->modelPaths();
    for (ModelPicker *picker : {m_translate->modelPicker(), m_export->modelPicker()})
        picker->setRuns(models);
    m_compare->setRuns(models);
}

void MainWindow::showHelp()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("CycleGAN Studio Help"),
                                tr("<h3>CycleGAN Studio</h3>"
                                   "<p><b>Train</b>: choose a dataroot with trainA/ and trainB/ "
                                   "(or two folders), then Start. Curves and previews follow the "
                                   "run; Stop saves it, Resume run\u2026 continues it.</p>"
                                   "<p><b>Translate</b>: drop or open images (Ctrl+O) and pick a "
                                   "run as the model. <b>Compare</b>: checkpoints side by side. "
                                   "<b>Export</b>: whole folders. <b>Runs</b>: every run of "
                                   "the runs folder, CLI-trained ones too.</p>"
                                   "<p>Shortcuts: Ctrl+1…%1 pages, Ctrl+O open images, "
                                   "Ctrl+Shift+O resume a run, on the Train page Ctrl+R start, "
                                   "Ctrl+P pause, Ctrl+. stop; on Compare Ctrl++ and Ctrl+\u2212 "
                                   "zoom, a click on a tile shows it large.</p>"
                                   "<p>The command line does the same headless: "
                                   "<tt>cyclegan --help</tt>, <tt>man cyclegan</tt>.</p>")
                                    .arg(PageCount),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("helpBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
#ifdef CV_VERSION
    const QString opencv = QStringLiteral(CV_VERSION);
#else
    const QString opencv = tr("unknown");
#endif
    QMessageBox::about(
        this, tr("About CycleGAN Studio"),
        tr("<h3>CycleGAN Studio %1</h3><p>Unpaired image-to-image translation (CycleGAN, Zhu, "
           "Park, Isola, Efros, ICCV 2017): train, watch, translate, compare and export.</p>"
           "<p>Qt %2<br>%3<br>OpenCV %4</p>")
            .arg(QString::fromStdString(cgs::engineVersion()), QString::fromLatin1(qVersion()),
                 QString::fromStdString(cgs::torchVersion()), opencv));
}

void MainWindow::loadSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (settings.contains(QStringLiteral("train/options"))) {
        m_train->loadSettings(settings);
    } else {
        // First start: the embedded demo project, with a model small enough for a CPU.
        m_train->optionsForm()->setOptions(TrainOptionsForm::quickStartOptions(
            DemoLocator::demoDataroot(), DemoLocator::defaultRunsDir()));
    }
    m_export->loadSettings(settings);
    followRunsFolder();
    showPage(settings.value(QStringLiteral("window/page"), 0).toInt());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 820);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), currentPage());
    m_train->saveSettings(settings);
    m_export->saveSettings(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_train->controller()->isActive()) {
        // Closing must not end hours of training by accident: ask first (the answer closes).
        event->ignore();
        if (!m_closeWhenIdle)
            askToStopAndClose();
        return;
    }
    event->accept();
}

namespace {
const char *const kInterruptedRunKey = "train/interruptedRun";
} // namespace

void MainWindow::askToStopAndClose()
{
    if (m_closeQuestion) {
        m_closeQuestion->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Training is running"),
                                tr("A training is running. Stop it now and close? The current "
                                   "step is finished and the latest checkpoint saved; the next "
                                   "start offers to continue it."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeWhileTraining"));
    QPushButton *stop = box->addButton(tr("Stop, save and close"), QMessageBox::AcceptRole);
    QPushButton *keep = box->addButton(tr("Keep training"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() == stop)
            stopAndClose();
    });
    m_closeQuestion = box;
    box->open();
}

void MainWindow::stopAndClose()
{
    if (!m_train->controller()->isActive()) {
        close();
        return;
    }
    // Stopping finishes the current step and writes the latest checkpoint, which can take a
    // while (seconds for a CPU step at 256², longer for a big checkpoint): keep the window
    // responsive and say so, and close once the training has ended.
    m_closeWhenIdle = true;
    if (!m_train->runDir().isEmpty())
        QSettings().setValue(QLatin1String(kInterruptedRunKey), m_train->runDir());
    m_train->stopTraining();
    statusBar()->showMessage(tr("Stopping the training: finishing the current step and "
                                "saving the latest checkpoint, then closing\u2026"));
}

void MainWindow::offerInterruptedRun()
{
    QSettings settings;
    const QString runDir = settings.value(QLatin1String(kInterruptedRunKey)).toString();
    if (runDir.isEmpty() || m_interruptedOffer)
        return;
    const cgs::RunFolder folder(runDir.toStdString());
    const cgs::RunFolder::Summary summary = folder.summary();
    using State = cgs::RunFolder::RunState;
    // Gone, finished, or taken up elsewhere meanwhile (the CLI, another window): nothing to offer.
    if (!folder.holdsRun() || summary.checkpointTags.empty() ||
        summary.status.state == State::Finished || summary.status.state == State::Training ||
        summary.status.state == State::Paused) {
        settings.remove(QLatin1String(kInterruptedRunKey));
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Continue the interrupted training?"),
        tr("The training of %1 was stopped when the studio closed, after epoch %2 of %3 "
           "(iteration %4). Continue it where it stopped?")
            .arg(QDir::toNativeSeparators(runDir))
            .arg(summary.epoch)
            .arg(summary.totalEpochs)
            .arg(summary.iteration),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("interruptedRun"));
    QPushButton *resume = box->addButton(tr("Continue training"), QMessageBox::AcceptRole);
    QPushButton *show = box->addButton(tr("Show the run"), QMessageBox::ActionRole);
    QPushButton *later = box->addButton(tr("Not now"), QMessageBox::RejectRole);
    box->setDefaultButton(resume);
    box->setEscapeButton(later);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, resume, show, runDir] {
        QSettings().remove(QLatin1String(kInterruptedRunKey));
        if (box->clickedButton() == resume) {
            showPage(TrainPageIndex);
            m_train->resumeRun(runDir);
        } else if (box->clickedButton() == show) {
            showPage(TrainPageIndex);
            m_train->openRun(runDir); // its curves and previews, with Resume at hand
        }
    });
    m_interruptedOffer = box;
    box->open();
}

void MainWindow::trainingStateChanged()
{
    // The Train menu follows the page's buttons (the page updates them first: it connected
    // to the controller before this window did).
    // Start, Pause and Stop act only on the Train page, where their buttons are: a shortcut
    // pressed elsewhere must not start a run with whatever the (unseen) form holds.
    const bool onTrain = currentPage() == TrainPageIndex;
    m_startAction->setEnabled(onTrain && m_train->startButton()->isEnabled());
    m_resumeAction->setEnabled(m_train->resumeRunButton()->isEnabled());
    m_pauseAction->setEnabled(onTrain && m_train->pauseButton()->isEnabled());
    m_stopAction->setEnabled(onTrain && m_train->stopButton()->isEnabled());
    if (!m_closeWhenIdle || m_train->controller()->isActive())
        return;
    // Deferred: a failure of the stop (disk full while saving) is reported right after the
    // state change, and then the window stays open to show it.
    QTimer::singleShot(0, this, [this] {
        if (m_closeWhenIdle && !m_train->controller()->isActive()) {
            m_closeWhenIdle = false;
            close();
        }
    });
}

} // namespace cgs::ui
