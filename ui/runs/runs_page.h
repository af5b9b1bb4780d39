#pragma once

#include "ui/runs/run_entry.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace cgs::ui {

class ErrorBanner;
class RunCatalog;

// The Runs view: every run of the RunCatalog with its state (training now, paused, stopped,
// finished, failed: the core's heartbeat and lock), epoch, last losses, date and latest
// preview, and what can be done with one: open it on the Train page (a run trained by another
// process is watched live there), continue training it (or train a finished one N more
// epochs), translate with it, compare its checkpoints, reveal it in the file manager, move it
// to the trash. The page asks the window for the actions on other pages through signals.
class RunsPage : public QWidget {
    Q_OBJECT
public:
    // Column order of the list.
    enum Column { NameColumn, StateColumn, EpochColumn, LossesColumn, DateColumn, ColumnCount };

    explicit RunsPage(RunCatalog *catalog, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    ErrorBanner *banner() const { return m_banner; }
    // The selected run's folder ("" when none).
    QString selectedRun() const;
    void selectRun(const QString &path);
    // The text a state has in the list (translated).
    static QString stateText(const RunEntry &entry);

    enum class Confirm { Ask, Skip };

public slots:
    void openSelected();
    void continueSelected();
    // A finished run: the spin box's number of epochs more (with a decaying learning rate).
    void trainMoreSelected();
    void translateWithSelected();
    void compareSelected();
    // Opens the run's folder in the desktop's file manager (QDesktopServices).
    void revealSelected();
    // Moves the run's folder to the trash (QFile::moveToTrash), after asking unless told not
    // to; refused while the run is being trained.
    void trashSelected(cgs::ui::RunsPage::Confirm confirm = Confirm::Ask);
    void reload();
    void retranslateUi();

signals:
    void openRequested(const QString &runDir);
    // extraEpochs 0: continue where it stopped.
    void continueRequested(const QString &runDir, int extraEpochs);
    void translateRequested(const QString &runDir);
    void compareRequested(const QString &runDir);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButtons();
    std::optional<RunEntry> selectedEntry() const;

    RunCatalog *m_catalog;
    ErrorBanner *m_banner;
    QLabel *m_folderLabel, *m_moreLabel;
    QTreeWidget *m_list;
    QPushButton *m_open, *m_continue, *m_more, *m_translate, *m_compare, *m_reveal, *m_trash,
        *m_refresh;
    QSpinBox *m_moreEpochs;
};

} // namespace cgs::ui
