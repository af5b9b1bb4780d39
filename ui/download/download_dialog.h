#pragma once

#include "app/download/download_job.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cgs::ui {

class ErrorBanner;

// "Get models and datasets...": the official pretrained generators and datasets
// (app/download's catalog), each with what it does and whether it is downloaded; one download
// at a time with progress, speed and Cancel; errors inline. Downloads go to
// cgs::download::dataFolder() from cgs::download::baseUrl() (read when a download starts).
// Emits modelInstalled / datasetInstalled with the installed path after a verified download.
// Closing or destroying it cancels a running download (the .part file stays for a resume).
class DownloadDialog : public QDialog {
    Q_OBJECT
public:
    explicit DownloadDialog(QWidget *parent = nullptr);
    ~DownloadDialog() override;

    // Selects the entry of that kind and name (false when there is none).
    bool select(cgs::download::ItemKind kind, const QString &name);
    bool isDownloading() const;

public slots:
    // Downloads the selected entry (no effect while one runs or when a group is selected).
    void downloadSelected();
    void cancelDownload();
    void refresh();

signals:
    void modelInstalled(const QString &path);
    void datasetInstalled(const QString &path);
    void downloadFinished(const cgs::download::DownloadOutcome &outcome);

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void retranslateUi();
    void showProgress(qint64 received, qint64 total, double bytesPerSecond);
    void showStage(cgs::download::DownloadStage stage);
    void finished(const cgs::download::DownloadOutcome &outcome);
    void updateButtons();
    const cgs::download::CatalogEntry *selectedEntry() const;
    QString failureSummary(cgs::download::DownloadStatus status) const;

    cgs::download::DownloadJob m_job;
    QLabel *m_intro, *m_folder, *m_speed;
    QTreeWidget *m_list;
    QTreeWidgetItem *m_models, *m_datasets;
    QProgressBar *m_progress;
    QPushButton *m_download, *m_cancel, *m_close;
    ErrorBanner *m_banner;
};

} // namespace cgs::ui
