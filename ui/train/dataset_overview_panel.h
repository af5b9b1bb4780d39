#pragma once

#include "core/engine/train/train_options.h"
#include "core/imageio/dataset_overview.h"

#include <QFutureWatcher>
#include <QGroupBox>
#include <QStringList>

#include <atomic>
#include <memory>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace cgs::ui {

// What the chosen dataset holds, before training on it: per domain the image count, a strip of
// thumbnails and the size distribution; the warnings of cgs::overviewDataset (unreadable,
// grayscale, smaller than the crop, crop larger than the images, mixed sizes with
// --preprocess none); and, on request, the time per epoch estimated from a few timed training
// steps on the chosen device (cgs::runBenchmark: synthetic data, decoding not counted).
// Scans run on the global thread pool (QtConcurrent); a newer inspect() supersedes an older
// one; the destructor cancels and waits. Signals: overviewShown, estimateShown.
class DatasetOverviewPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DatasetOverviewPanel(QWidget *parent = nullptr);
    ~DatasetOverviewPanel() override;

    // Scans the domains of `options` (dataroot or dirA/dirB) in the background.
    void inspect(const cgs::TrainOptions &options);
    bool isScanning() const;
    // What is shown (for tests and screen readers).
    QString domainText(cgs::Domain domain) const;
    QStringList warningTexts() const;
    int thumbnailCount() const;
    QString estimateText() const;
    // Off while the page trains: timing steps then would measure a busy device. The overview
    // itself stays readable (thumbnails in colour).
    void setEstimateAllowed(bool allowed);

public slots:
    // Times a few training steps with the last inspected options and shows the time per epoch.
    void estimateEpochTime();
    void retranslateUi();

signals:
    void overviewShown();
    void estimateShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Scan {
        cgs::DatasetOverview overview;
        QString error;
    };
    struct Estimate {
        double secondsPerEpoch = -1;
        QString device, error;
    };
    void showOverview();
    void updateDomainTexts();
    void showEstimate();
    void clearThumbnails();

    cgs::TrainOptions m_options;
    cgs::DatasetOverview m_overview;
    bool m_hasOverview = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Scan> m_scan;
    QFutureWatcher<Estimate> m_estimate;
    QLabel *m_domainLabels[2];
    QHBoxLayout *m_strips[2];
    QLabel *m_warnings, *m_estimateLabel;
    QPushButton *m_estimateButton;
    bool m_estimateAllowed = true;
    QStringList m_warningTexts;
};

} // namespace cgs::ui
