#pragma once

#include "ui/translation_service.h"

#include <QHash>
#include <QPair>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cgs::ui {

class CompareGrid;
class ErrorBanner;
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

public slots:
    // Adds every checkpoint of a run folder (epoch_0005, ..., latest) as a column.
    void addRunCheckpoints(const QString &runDir);
    // Adds one model (a checkpoint folder, a run folder or an official .pth).
    // `epoch`: the checkpoint tag inside `path` (official run folders); empty for the default.
    void addModel(const QString &path, const QString &label = {}, const QString &epoch = {});
    void addInputs(const QStringList &paths);
    void clearModels();
    // Removes the selected model columns (Delete key, context menu).
    void removeSelectedModels();
    void compare();
    void exportGrid(const QString &path = {});
    void retranslateUi();

signals:
    void comparisonFinished();

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

    TranslationService m_service;
    QHash<int, QPair<int, int>> m_jobs; // job id -> (row, column)
    ErrorBanner *m_banner;
    QListWidget *m_models, *m_inputs;
    QComboBox *m_direction;
    QPushButton *m_addRun, *m_addModel, *m_clearModels, *m_addInputs, *m_compare, *m_export;
    QLabel *m_modelsLabel, *m_inputsLabel;
    QAction *m_removeModels;
    CompareGrid *m_grid;
};

} // namespace cgs::ui
