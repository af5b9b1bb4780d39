#pragma once

#include "ui/export/folder_export_job.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QTreeWidget;

namespace cgs::ui {

class ErrorBanner;
class ModelPicker;

// The Export page: input folders -> output folder with a model, a direction, a format and its
// quality, recursion, overwrite or skip; a progress bar with images/s and ETA, Cancel, and the
// list of failed files with their reasons at the end.
class ExportPage : public QWidget {
    Q_OBJECT
public:
    explicit ExportPage(QWidget *parent = nullptr);

    ModelPicker *modelPicker() const { return m_picker; }
    FolderExportJob *job() { return &m_job; }
    ErrorBanner *banner() const { return m_banner; }
    QTreeWidget *failureList() const { return m_failures; }
    QString summaryText() const;
    // The speed and time-left line of the running export.
    QString rateText() const;
    ExportRequest request() const;

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

public slots:
    void addInputDir(const QString &dir);
    void setOutputDir(const QString &dir);
    void startExport();
    void cancelExport();
    void retranslateUi();
    // Shows an export's progress (the job's progressed signal).
    void showProgress(const cgs::ExportProgress &progress);

signals:
    // The job's finished signal, once the page shows it (error: see FolderExportJob::finished).
    void exportFinished(const cgs::ExportSummary &summary, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showSummary(const cgs::ExportSummary &summary, const QString &error);
    void updateButtons();

    FolderExportJob m_job;
    ModelPicker *m_picker;
    ErrorBanner *m_banner;
    QListWidget *m_inputs;
    QLineEdit *m_output;
    QComboBox *m_format, *m_existing;
    QSpinBox *m_quality;
    QCheckBox *m_recursive;
    QPushButton *m_addInput, *m_removeInput, *m_browseOutput, *m_start, *m_cancel;
    QPushButton *m_openOutput = nullptr;
    QProgressBar *m_progress;
    QLabel *m_inputsLabel, *m_outputLabel, *m_formatLabel, *m_qualityLabel, *m_existingLabel,
        *m_rate, *m_summary;
    QTreeWidget *m_failures;
};

} // namespace cgs::ui
