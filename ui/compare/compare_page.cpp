#include "ui/compare/compare_page.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/checkpoint/model_location.h"
#include "core/imageio/image_codec.h"
#include "ui/compare/column_metrics.h"
#include "ui/compare/compare_grid.h"
#include "ui/compare/tile_viewer.h"
#include "ui/demo_locator.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/image_convert.h"
#include "ui/widgets/metrics_plot.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace cgs::ui {

ComparePage::ComparePage(QWidget *parent)
    : QWidget(parent), m_banner(new ErrorBanner), m_models(new QListWidget),
      m_inputs(new QListWidget), m_direction(new QComboBox), m_addRun(new QPushButton),
      m_addModel(new QPushButton), m_clearModels(new QPushButton), m_addInputs(new QPushButton),
      m_compare(new QPushButton), m_export(new QPushButton), m_modelsLabel(new QLabel),
      m_inputsLabel(new QLabel), m_grid(new CompareGrid), m_metricsPlot(new MetricsPlot)
{
    m_evaluate = new QPushButton;
    m_zoomOut = new QToolButton;
    m_zoomFit = new QToolButton;
    m_zoomIn = new QToolButton;
    m_zoomLabel = new QLabel;
    m_zoomOut->setText(QStringLiteral("\u2212"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    setAcceptDrops(true);
    m_direction->addItem(QString(), static_cast<int>(cgs::Direction::AToB));
    m_direction->addItem(QString(), static_cast<int>(cgs::Direction::BToA));
    m_models->setMaximumHeight(110);
    m_models->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_removeModels = new QAction(m_models);
    m_removeModels->setShortcut(QKeySequence::Delete);
    m_removeModels->setShortcutContext(Qt::WidgetShortcut);
    m_models->addAction(m_removeModels);
    m_models->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_removeModels, &QAction::triggered, this, &ComparePage::removeSelectedModels);
    m_models->installEventFilter(this); // Delete and Backspace also without an active window
    m_inputs->setMaximumHeight(110);
    m_compare->setIcon(QIcon(QStringLiteral(":/icons/compare.png")));
    m_export->setIcon(QIcon(QStringLiteral(":/icons/save.png")));
    auto *top = new QGridLayout;
    top->addWidget(m_modelsLabel, 0, 0);
    top->addWidget(m_models, 1, 0);
    auto *modelButtons = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_addRun, m_addModel, m_clearModels})
        modelButtons->addWidget(w);
    modelButtons->addStretch(1);
    top->addLayout(modelButtons, 2, 0);
    top->addWidget(m_inputsLabel, 0, 1);
    top->addWidget(m_inputs, 1, 1);
    auto *inputButtons = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_addInputs, m_direction, m_compare, m_export,
                                                        m_evaluate})
        inputButtons->addWidget(w);
    inputButtons->addStretch(1);
    for (QWidget *w : std::initializer_list<QWidget *>{m_zoomLabel, m_zoomOut, m_zoomFit, m_zoomIn})
        inputButtons->addWidget(w);
    top->addLayout(inputButtons, 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    auto *results = new QSplitter(Qt::Horizontal);
    results->addWidget(m_grid);
    results->addWidget(m_metricsPlot);
    results->setStretchFactor(0, 4);
    results->setStretchFactor(1, 1);
    m_metricsPlot->setMaximumWidth(360);
    layout->addWidget(results, 1);

    connect(&m_service, &TranslationService::translated, this, &ComparePage::handleResult);
    connect(m_zoomOut, &QToolButton::clicked, m_grid, [this] { m_grid->zoomBy(0.8); });
    connect(m_zoomIn, &QToolButton::clicked, m_grid, [this] { m_grid->zoomBy(1.25); });
    connect(m_zoomFit, &QToolButton::clicked, m_grid, &CompareGrid::zoomToFit);
    connect(m_grid, &CompareGrid::zoomChanged, this, [this] {
        m_zoomLabel->setText(tr("Tiles: %1 px").arg(m_grid->tileWidth()));
    });
    // A click on a tile opens it large, its neighbours a key away.
    connect(m_grid, &CompareGrid::cellClicked, this, [this](int row, int column) {
        auto *viewer = new TileViewer(m_grid, row, column, this);
        viewer->setObjectName(QStringLiteral("tileViewer"));
        viewer->show();
    });
    connect(m_compare, &QPushButton::clicked, this, &ComparePage::compare);
    connect(m_export, &QPushButton::clicked, this, [this] { exportGrid(); });
    connect(m_clearModels, &QPushButton::clicked, this, &ComparePage::clearModels);
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        if (m_evaluation.isRunning())
            m_evaluation.cancel();
        else
            evaluate();
    });
    connect(&m_evaluation, &EvaluationRunner::progressed, this,
            [this](const QString &stage, qint64 done, qint64 total) {
                m_evaluate->setText(
                    tr("Stop evaluating (%1: %2/%3)").arg(stage).arg(done).arg(total));
            });
    connect(&m_evaluation, &EvaluationRunner::finished, this, &ComparePage::showEvaluation);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &ComparePage::refreshMetrics);
    const auto chooseRun = [this] {
        // The folder that holds the last run chosen (a runs folder), else the runs folder.
        QSettings settings;
        const QString last = settings.value(QStringLiteral("folders/compareRun")).toString();
        const QString runs = !last.isEmpty() && QDir(last).exists(QStringLiteral(".."))
                                 ? QDir::cleanPath(last + QStringLiteral("/.."))
                             : !m_runsFolder.isEmpty() ? m_runsFolder
                                                       : DemoLocator::defaultRunsDir();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), runs);
        if (dir.isEmpty())
            return;
        settings.setValue(QStringLiteral("folders/compareRun"), dir);
        addRunCheckpoints(dir);
    };
    // "Add run checkpoints": the known runs (the Runs page's), then any folder.
    m_runsMenu = new QMenu(m_addRun);
    m_addRun->setMenu(m_runsMenu);
    connect(m_runsMenu, &QMenu::aboutToShow, this, [this, chooseRun] {
        m_runsMenu->clear();
        for (const QString &run : m_runs) {
            QAction *action = m_runsMenu->addAction(QDir(run).dirName(), this,
                                                    [this, run] { addRunCheckpoints(run); });
            action->setToolTip(QDir::toNativeSeparators(run));
        }
        if (!m_runs.isEmpty())
            m_runsMenu->addSeparator();
        m_runsMenu->addAction(tr("Other run folder\u2026"), this, chooseRun);
    });
    connect(m_addModel, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Add a model"),
            QSettings().value(QStringLiteral("folders/models"), QDir::homePath()).toString(),
            tr("PyTorch weights (*.pth *.pt);;All files (*)"));
        if (!file.isEmpty())
            addModel(file);
    });
    connect(m_addInputs, &QPushButton::clicked, this, [this] {
        addInputs(QFileDialog::getOpenFileNames(this, tr("Add input images"), QDir::homePath(),
            tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)")));
    });
    retranslateUi();
}

void ComparePage::retranslateUi()
{
    m_modelsLabel->setText(tr("Models (one column each)"));
    m_inputsLabel->setText(tr("Input images (one row each)"));
    m_addRun->setText(tr("Add run checkpoints\u2026"));
    m_addModel->setText(tr("Add model file\u2026"));
    m_clearModels->setText(tr("Clear"));
    m_removeModels->setText(tr("Remove"));
    m_addInputs->setText(tr("Add images\u2026"));
    m_compare->setText(tr("Compare"));
    m_export->setText(tr("Export grid\u2026"));
    if (!m_evaluation.isRunning())
        m_evaluate->setText(tr("Evaluate\u2026"));
    m_evaluate->setToolTip(tr("FID, KID and SWD of each model column on the test images "
                              "(saved in the run's metrics.csv)"));
    m_direction->setItemText(0, m_names.direction(cgs::Direction::AToB));
    m_direction->setItemText(1, m_names.direction(cgs::Direction::BToA));
    m_zoomFit->setText(tr("Fit"));
    m_zoomOut->setToolTip(tr("Smaller tiles (Ctrl+\u2212, or the mouse wheel over the grid)"));
    m_zoomIn->setToolTip(tr("Larger tiles (Ctrl++, or the mouse wheel over the grid)"));
    m_zoomFit->setToolTip(tr("Tiles as large as the page allows; click a tile to see it large"));
}

void ComparePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

int ComparePage::modelCount() const { return m_models->count(); }

int ComparePage::inputCount() const { return m_inputs->count(); }

cgs::Direction ComparePage::direction() const
{
    return static_cast<cgs::Direction>(m_direction->currentData().toInt());
}

void ComparePage::addRunCheckpoints(const QString &runDir)
{
    // A run folder of the official train.py: one column per saved epoch.
    const cgs::ModelLocation location = cgs::locateModel(runDir.toStdString());
    if (location.isOfficialFolder()) {
        for (const std::string &epoch : location.tags)
            addModel(runDir,
                     QStringLiteral("%1 / %2").arg(QDir(runDir).dirName(),
                                                   QString::fromStdString(epoch)),
                     QString::fromStdString(epoch));
        refreshMetrics();
        return;
    }
    try {
        const auto checkpoints = cgs::listCheckpoints(runDir.toStdString());
        if (checkpoints.empty())
            m_banner->showMessage(ErrorBanner::Level::Warning,
                                  tr("This run has no checkpoints yet."),
                                  QDir::toNativeSeparators(runDir));
        for (const cgs::CheckpointInfo &info : checkpoints) {
            // `latest` written at the end of the last epoch is that epoch's column again.
            const bool duplicate =
                info.tag == "latest" &&
                std::any_of(checkpoints.cbegin(), checkpoints.cend(), [&info](const auto &other) {
                    return other.tag != "latest" && other.iteration == info.iteration;
                });
            if (duplicate)
                continue;
            addModel(QString::fromStdString(info.path),
                     QStringLiteral("%1 / %2").arg(QDir(runDir).dirName(),
                                                   QString::fromStdString(info.tag)));
        }
    } catch (const std::exception &e) {
        m_banner->showError(tr("Cannot list the checkpoints of this run"),
                            QString::fromUtf8(e.what()));
    }
    refreshMetrics();
}

void ComparePage::addModel(const QString &path, const QString &label, const QString &epoch)
{
    auto *item = new QListWidgetItem(label.isEmpty() ? QFileInfo(path).fileName() : label, m_models);
    item->setData(Qt::UserRole, path);
    item->setData(kEpochRole, epoch);
    item->setToolTip(QDir::toNativeSeparators(path));
}

void ComparePage::addInputs(const QStringList &paths)
{
    for (const QString &path : paths) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_inputs);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
}

void ComparePage::setRuns(const QStringList &runDirs) { m_runs = runDirs; }

void ComparePage::setRunsFolder(const QString &dir) { m_runsFolder = dir; }

void ComparePage::clearModels()
{
    m_models->clear();
    refreshMetrics();
}

void ComparePage::evaluate(const QString &testAArg, const QString &testBArg)
{
    QList<EvaluationItem> items;
    QString testA = testAArg, testB = testBArg, firstRun;
    for (int c = 0; c < m_models->count(); ++c) {
        const EvaluationItem item{m_models->item(c)->data(Qt::UserRole).toString(),
                                  m_models->item(c)->data(kEpochRole).toString()};
        QString runDir, tag;
        if (!ColumnMetrics::locate(item.model, item.epoch, &runDir, &tag))
            continue; // a single .pth holds one direction: nothing to compare both ways
        items << item;
        if (firstRun.isEmpty())
            firstRun = runDir;
    }
    if (items.isEmpty()) {
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("Add run checkpoints to evaluate them."), QString());
        return;
    }
    if (testA.isEmpty() && !ColumnMetrics::testFolders(firstRun, &testA, &testB)) {
        const QString root = QFileDialog::getExistingDirectory(
            this, tr("Choose the dataset folder with testA and testB"),
            QSettings().value(QStringLiteral("metrics/dataroot"), QDir::homePath()).toString());
        if (root.isEmpty())
            return;
        QSettings().setValue(QStringLiteral("metrics/dataroot"), root);
        testA = QDir(root).filePath(QStringLiteral("testA"));
        testB = QDir(root).filePath(QStringLiteral("testB"));
    }
    m_banner->clear();
    m_evaluation.start(items, testA, testB,
                       QSettings().value(QStringLiteral("metrics/inceptionWeights")).toString());
    m_evaluate->setText(tr("Stop evaluating"));
}

void ComparePage::showEvaluation(const EvaluationOutcome &outcome)
{
    retranslateUi();
    if (!outcome.errors.isEmpty())
        m_banner->showError(tr("A checkpoint could not be evaluated"), outcome.errors.join('\n'));
    else if (!outcome.warning.isEmpty())
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("SWD only: FID and KID need the Inception weights."),
                              outcome.warning);
    else if (outcome.skippedImages > 0)
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("%n unreadable test image(s) skipped.", nullptr, outcome.skippedImages),
                              QString());
    refreshMetrics();
    emit evaluationFinished();
}

void ComparePage::refreshMetrics()
{
    QString firstRun;
    for (int c = 0; c < m_models->count() && firstRun.isEmpty(); ++c) {
        QString runDir, tag;
        if (ColumnMetrics::locate(m_models->item(c)->data(Qt::UserRole).toString(),
                                  m_models->item(c)->data(kEpochRole).toString(), &runDir, &tag))
            firstRun = runDir;
    }
    const QString dir = direction() == cgs::Direction::AToB ? QStringLiteral("AtoB")
                                                             : QStringLiteral("BtoA");
    // The notes belong to the grid's columns, the plot to the first run of the list.
    m_grid->setColumnNotes(ColumnMetrics::notes(m_gridModels, m_gridEpochs, dir));
    m_metricsPlot->setRows(firstRun.isEmpty() ? std::vector<cgs::MetricsRow>{}
                                              : ColumnMetrics::rows(firstRun));
    // Directions are named after the first run's domains ("horse \u2192 zebra").
    m_names = runDomainNames(firstRun);
    m_metricsPlot->setDomainNames(m_names);
    m_direction->setItemText(0, m_names.direction(cgs::Direction::AToB));
    m_direction->setItemText(1, m_names.direction(cgs::Direction::BToA));
}

bool ComparePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_models && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeSelectedModels();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ComparePage::removeSelectedModels()
{
    for (QListWidgetItem *item : m_models->selectedItems())
        delete item;
    refreshMetrics();
}

// The input images of a comparison, decoded in a pool thread.
struct DecodedInputs {
    QVector<QImage> images;
    QStringList paths;
    QStringList errors;
};

void ComparePage::compare()
{
    m_banner->clear();
    m_jobs.clear();
    m_compare->setEnabled(false);
    QStringList paths;
    for (int r = 0; r < m_inputs->count(); ++r)
        paths << m_inputs->item(r)->data(Qt::UserRole).toString();
    // Inputs are decoded once, off the GUI thread, so that every column sees the same pixels.
    auto *watcher = new QFutureWatcher<DecodedInputs>(this);
    connect(watcher, &QFutureWatcher<DecodedInputs>::finished, this, [this, watcher] {
        watcher->deleteLater();
        startTranslations(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([paths] {
        DecodedInputs decoded;
        for (const QString &path : paths) {
            // Boundary of a pool thread: a bad input is reported, the others are compared.
            try {
                decoded.images << toQImage(cgs::readImage(path.toStdString()));
                decoded.paths << path;
            } catch (const std::exception &e) {
                decoded.errors << QString::fromUtf8(e.what());
            }
        }
        return decoded;
    }));
}

void ComparePage::startTranslations(const DecodedInputs &inputs)
{
    if (!inputs.errors.isEmpty())
        m_banner->showError(tr("Cannot read an input image"), inputs.errors.join('\n'));
    QStringList headers;
    m_gridModels.clear();
    m_gridEpochs.clear();
    for (int c = 0; c < m_models->count(); ++c) {
        headers << m_models->item(c)->text();
        m_gridModels << m_models->item(c)->data(Qt::UserRole).toString();
        m_gridEpochs << m_models->item(c)->data(kEpochRole).toString();
    }
    // Each column's whole label in its tooltip: the model, the checkpoint, the direction.
    QStringList tips;
    for (int c = 0; c < m_models->count(); ++c) {
        const QString epoch = m_models->item(c)->data(kEpochRole).toString();
        tips << tr("%1\nCheckpoint: %2\n%3")
                    .arg(QDir::toNativeSeparators(m_gridModels[c]),
                         epoch.isEmpty() ? tr("the model file") : epoch,
                         m_direction->currentText());
    }
    m_grid->setColumnToolTips(tips);
    m_grid->reset(headers, inputs.images, tr("Input"));
    refreshMetrics();
    for (int c = 0; c < m_models->count(); ++c) {
        cgs::TranslatorOptions options;
        options.model = m_models->item(c)->data(Qt::UserRole).toString().toStdString();
        const QString epoch = m_models->item(c)->data(kEpochRole).toString();
        if (!epoch.isEmpty())
            options.epoch = epoch.toStdString();
        options.direction = direction();
        for (int r = 0; r < inputs.images.size(); ++r)
            m_jobs.insert(m_service.translateImage(inputs.images[r], options, inputs.paths[r]),
                          {r, c});
    }
    m_compare->setEnabled(m_jobs.isEmpty());
    if (m_jobs.isEmpty())
        emit comparisonFinished();
}

void ComparePage::handleResult(const TranslationResult &result)
{
    if (!m_jobs.contains(result.id))
        return;
    const auto [row, column] = m_jobs.take(result.id);
    if (result.ok()) {
        m_grid->setCell(row, column, result.output);
        // A damaged checkpoint replaced by an intact one: this column is not what it says.
        if (!result.warnings.isEmpty())
            m_banner->showMessage(ErrorBanner::Level::Warning,
                                  tr("A checkpoint was damaged: another one was used"),
                                  result.warnings.join(QLatin1Char('\n')));
    } else {
        m_grid->setCellError(row, column, result.error);
        m_banner->showError(tr("A model could not translate"), result.error);
    }
    if (m_jobs.isEmpty()) {
        m_compare->setEnabled(true);
        emit comparisonFinished();
    }
}

void ComparePage::exportGrid(const QString &pathArg)
{
    QString path = pathArg;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export grid"),
                                            QDir::home().filePath(QStringLiteral("compare.png")),
                                            tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!m_grid->renderGrid().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export grid"),
                             tr("Cannot write %1").arg(QDir::toNativeSeparators(path)));
}

void ComparePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

// Dropped run folders (ours, or the official train.py's: cgs::locateModel) give a column per
// checkpoint; other folders and .pth files are models (columns); files are inputs (rows).
void ComparePage::dropEvent(QDropEvent *event)
{
    QStringList inputs;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (cgs::locateModel(path.toStdString()).hasTags())
            addRunCheckpoints(path);
        else if (QFileInfo(path).isDir() || path.endsWith(QLatin1String(".pth")))
            addModel(path);
        else
            inputs << path;
    }
    addInputs(inputs);
    event->acceptProposedAction();
}

} // namespace cgs::ui
