#pragma once

#include "ui/compare/evaluation_runner.h"
#include "ui/translation_service.h"
#include "ui/widgets/domain_names.h"

#include <QHash>
#include <QPair>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;
class QListWidget;
class QMenu;
class QPushButton;

namespace cgs::ui {

class CompareGrid;
class ErrorBanner;
class MetricsPlot;
struct DecodedInputs;

// The Compare page: several checkpoints of one run (or of different runs, or official models)
// applied to the same input images, shown in a grid with one column per checkpoint and
// synchronised zoom and pan; the grid can be exported as one PNG.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(QWidget *parent = nullptr);

    CompareGrid *grid() const { return m_grid; }
    ErrorBanner *banner() const { return m_banner; }
    int modelCount() const;
    int inputCount() const;
    QListWidget *modelList() const { return m_models; }
    MetricsPlot *metricsPlot() const { return m_metricsPlot; }
    EvaluationRunner *evaluationRunner() { return &m_evaluation; }

public slots:
    // Adds every checkpoint of a run folder (epoch_0005, ..., latest) as a column.
    void addRunCheckpoints(const QString &runDir);
    // Adds one model (a checkpoint folder, a run folder or an official .pth).
    // `epoch`: the checkpoint tag inside `path` (official run folders); empty for the default.
    void addModel(const QString &path, const QString &label = {}, const QString &epoch = {});
    void addInputs(const QStringList &paths);
    void clearModels();
    // The runs "Add run checkpoints" offers (the Runs page's), newest first; and the folder its
    // dialog starts in.
    void setRuns(const QStringList &runDirs);
    void setRunsFolder(const QString &dir);
    // Removes the selected model columns (Delete key, context menu).
    void removeSelectedModels();
    void compare();
    void exportGrid(const QString &path = {});
    // Image-quality metrics of every model column (a run's metrics.csv): FID/KID with the
    // Inception weights of the settings or the default places, else SWD only. Empty folders: the
    // run's <dataroot>/testA and testB, else the user is asked for the dataset folder.
    void evaluate(const QString &testA = {}, const QString &testB = {});
    // Shows the metrics.csv values of the model columns (header notes and the plot).
    void refreshMetrics();
    void retranslateUi();

signals:
    void comparisonFinished();
    void evaluationFinished();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static constexpr int kEpochRole = Qt::UserRole + 1; // item data: checkpoint tag
    void startTranslations(const DecodedInputs &inputs);
    void handleResult(const cgs::ui::TranslationResult &result);
    cgs::Direction direction() const;
    void showEvaluation(const cgs::ui::EvaluationOutcome &outcome);

    TranslationService m_service;
    EvaluationRunner m_evaluation;
    QHash<int, QPair<int, int>> m_jobs; // job id -> (row, column)
    // Model path and checkpoint tag of each grid column, as they were when compare() ran (the
    // model list may change since).
    QStringList m_gridModels, m_gridEpochs;
    ErrorBanner *m_banner;
    QListWidget *m_models, *m_inputs;
    QComboBox *m_direction;
    QPushButton *m_addRun, *m_addModel, *m_clearModels, *m_addInputs, *m_compare, *m_export,
        *m_evaluate;
    QLabel *m_modelsLabel, *m_inputsLabel;
    QToolButton *m_zoomOut, *m_zoomFit, *m_zoomIn;
    QLabel *m_zoomLabel;
    QAction *m_removeModels;
    QMenu *m_runsMenu;
    QStringList m_runs;
    QString m_runsFolder;
    CompareGrid *m_grid;
    MetricsPlot *m_metricsPlot;
    DomainNames m_names; // of the first run among the columns
};

} // namespace cgs::ui
