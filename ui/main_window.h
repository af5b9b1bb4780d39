#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace cgs::ui {

class ComparePage;
class DownloadDialog;
class ExportPage;
class LanguageManager;
class RunCatalog;
class RunsPage;
class TrainPage;
class TranslatePage;

// The studio's window: a side bar with the pages (Train, Translate, Compare, Export, Runs),
// menus with the usual shortcuts, a status bar with the compute device, the language choice,
// and an About box. Geometry, the last page, options and folders persist in QSettings. It opens
// on the demo project (resources/demo/monet2photo) when nothing else was chosen before.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page {
        TrainPageIndex,
        TranslatePageIndex,
        ComparePageIndex,
        ExportPageIndex,
        RunsPageIndex,
        PageCount
    };

    // languages may be null (then the Language menu is not shown).
    explicit MainWindow(LanguageManager *languages = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    TrainPage *trainPage() const { return m_train; }
    TranslatePage *translatePage() const { return m_translate; }
    ComparePage *comparePage() const { return m_compare; }
    ExportPage *exportPage() const { return m_export; }
    RunsPage *runsPage() const { return m_runs; }
    // The runs of the Runs page; the model lists of Translate, Compare and Export come from it.
    RunCatalog *runCatalog() const { return m_catalog; }
    int currentPage() const;
    QString deviceText() const;

public slots:
    void showPage(int page);
    void showAbout();
    // A short guide to the pages and shortcuts (F1).
    void showHelp();
    void retranslateUi();
    // Opens "Get models and datasets..." (one dialog, kept while the window lives) and returns it.
    DownloadDialog *showDownloads();

    // The question shown when the window is closed while training ("Stop, save and close" or
    // "Keep training"), while it is open; nullptr otherwise. For tests and scripts.
    QMessageBox *closeQuestion() const { return m_closeQuestion; }
    // The offer shown at start to continue the run that a close interrupted, while it is open.
    QMessageBox *interruptedRunOffer() const { return m_interruptedOffer; }
    // Looks for a run that closing the studio interrupted (setting train/interruptedRun) and,
    // when it is still there, resumable and not trained by anyone, offers to continue it;
    // called once after the window is built. The setting is cleared once answered.
    void offerInterruptedRun();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildLanguageMenu();
    void loadSettings();
    void saveSettings() const;
    void detectDevice();
    void useRun(const QString &runDir);
    void trainingStateChanged();
    void followRunsFolder();
    void offerRuns();
    void askToStopAndClose();
    void stopAndClose();

    LanguageManager *m_languages;
    QListWidget *m_sideBar;
    QStackedWidget *m_stack;
    TrainPage *m_train;
    TranslatePage *m_translate;
    ComparePage *m_compare;
    ExportPage *m_export;
    RunCatalog *m_catalog;
    RunsPage *m_runs;
    QLabel *m_deviceLabel;
    QString m_deviceDescription;
    QString m_gpuUnavailable; // why this machine's NVIDIA GPU is not used; "" when nothing to say
    bool m_closeWhenIdle = false; // closing waits for the training to stop and save
    QPointer<QMessageBox> m_closeQuestion;
    QPointer<QMessageBox> m_interruptedOffer;
    QMenu *m_fileMenu = nullptr, *m_trainMenu = nullptr, *m_viewMenu = nullptr,
          *m_settingsMenu = nullptr, *m_languageMenu = nullptr, *m_helpMenu = nullptr;
    QAction *m_resumeAction = nullptr, *m_openModelAction = nullptr, *m_quitAction = nullptr,
            *m_startAction = nullptr, *m_pauseAction = nullptr, *m_stopAction = nullptr,
            *m_aboutAction = nullptr, *m_helpAction = nullptr, *m_aboutQtAction = nullptr;
    QList<QAction *> m_pageActions;
    QAction *m_downloadAction = nullptr;
    DownloadDialog *m_downloads = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace cgs::ui
