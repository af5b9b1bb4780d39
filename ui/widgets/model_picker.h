#pragma once

#include "core/engine/translate/translator.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace cgs::ui {

// Chooses a model and a direction for translation: a run folder, a checkpoint folder or an
// official .pth, from a recent-models list (shared through QSettings by all pickers), the runs
// the window gives (setRuns: the Runs page's, CLI-trained ones included) or by dialog (opening
// in the runs folder). Emits modelChanged when the model, the checkpoint or the direction
// changes.
class ModelPicker : public QWidget {
    Q_OBJECT
public:
    explicit ModelPicker(QWidget *parent = nullptr);

    // The chosen model ("" when none) and the options to build a cgs::Translator with it.
    QString model() const;
    cgs::Direction direction() const;
    cgs::TranslatorOptions translatorOptions() const;

    // True while the bundled demo model (Monet <-> photo) is the chosen one.
    bool isDemoModel() const;

    static QStringList recentModels();
    // The list's label of a model path: a run with its epoch, total epochs, state and date
    // ("h2z (run, epoch 2 of 10, stopped, 06/12/2026 07:12)"), an official folder or weight
    // file named as such; reads the run's summary (small files only).
    static QString describeModel(const QString &path);
    static void rememberModel(const QString &path);

public slots:
    // Makes `path` the current model (and the first recent one).
    void setModel(const QString &path);
    void setDirection(cgs::Direction direction);
    void reloadRecent();
    // The runs to offer after the recent models (folders with a checkpoint), newest first.
    void setRuns(const QStringList &runDirs);
    // Where the "open a run" dialog starts when no folder was chosen before.
    void setRunsFolder(const QString &dir);
    void retranslateUi();

signals:
    void modelChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateDirectionNames();
    void followModel();
    void browseRun();
    void browseWeights();

    QLabel *m_modelLabel, *m_directionLabel;
    QComboBox *m_models, *m_direction;
    QToolButton *m_browseRun, *m_browseWeights;
    bool m_demoChoseDirection = false; // the direction is the demo's default, not the user's
    QStringList m_runs;
    QString m_runsFolder;
};

} // namespace cgs::ui
