#include "ui/train/dataset_overview_panel.h"

#include "core/engine/error.h"
#include "core/engine/train/benchmark.h"
#include "ui/widgets/image_convert.h"
#include "ui/widgets/image_tile.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace cgs::ui {

namespace {

constexpr int kThumbnailSide = 56;

QString sizesText(const cgs::DomainOverview &domain)
{
    QStringList parts;
    const int shown = std::min<int>(3, int(domain.sizes.size()));
    for (int i = 0; i < shown; ++i)
        parts << QStringLiteral("%1\u00d7%2: %3").arg(domain.sizes[i].width).arg(domain.sizes[i].height).arg(domain.sizes[i].count);
    if (int(domain.sizes.size()) > shown)
        parts << DatasetOverviewPanel::tr("%n other size(s)", nullptr, int(domain.sizes.size()) - shown);
    return parts.join(QStringLiteral(", "));
}

QString duration(double seconds)
{
    if (seconds >= 3600)
        return DatasetOverviewPanel::tr("%1 h %2 min").arg(int(seconds / 3600)).arg(int(seconds / 60) % 60);
    if (seconds >= 60)
        return DatasetOverviewPanel::tr("%1 min").arg(int(std::lround(seconds / 60)));
    return DatasetOverviewPanel::tr("%1 s").arg(int(std::lround(seconds)));
}

} // namespace

DatasetOverviewPanel::DatasetOverviewPanel(QWidget *parent)
    : QGroupBox(parent), m_warnings(new QLabel), m_estimateLabel(new QLabel), m_estimateButton(new QPushButton)
{
    auto *layout = new QVBoxLayout(this);
    for (int d = 0; d < 2; ++d) {
        m_domainLabels[d] = new QLabel;
        m_domainLabels[d]->setWordWrap(true);
        m_strips[d] = new QHBoxLayout;
        m_strips[d]->setSpacing(2);
        m_strips[d]->addStretch(1);
        layout->addWidget(m_domainLabels[d]);
        layout->addLayout(m_strips[d]);
    }
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_estimateLabel->setWordWrap(true);
    auto *estimateRow = new QHBoxLayout;
    estimateRow->addWidget(m_estimateButton);
    estimateRow->addWidget(m_estimateLabel, 1);
    layout->addWidget(m_warnings);
    layout->addLayout(estimateRow);
    m_estimateButton->setEnabled(false);
    connect(m_estimateButton, &QPushButton::clicked, this, &DatasetOverviewPanel::estimateEpochTime);
    connect(&m_scan, &QFutureWatcher<Scan>::finished, this, &DatasetOverviewPanel::showOverview);
    connect(&m_estimate, &QFutureWatcher<Estimate>::finished, this, &DatasetOverviewPanel::showEstimate);
    retranslateUi();
}

DatasetOverviewPanel::~DatasetOverviewPanel()
{
    if (m_cancel)
        *m_cancel = true;
    m_scan.disconnect(this);
    m_estimate.disconnect(this);
    m_scan.waitForFinished();
    m_estimate.waitForFinished();
}

void DatasetOverviewPanel::retranslateUi()
{
    setTitle(tr("Dataset overview"));
    m_estimateButton->setText(tr("Estimate time per epoch"));
    m_estimateButton->setToolTip(tr("Times a few training steps with these settings on the chosen device "
                                    "(synthetic images: decoding is not counted)"));
    if (!m_hasOverview && !isScanning())
        m_domainLabels[0]->setText(tr("Choose a dataroot (or the two domain folders) to see what it holds."));
    else if (m_hasOverview)
        updateDomainTexts();
}

void DatasetOverviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void DatasetOverviewPanel::inspect(const cgs::TrainOptions &options)
{
    if (m_cancel)
        *m_cancel = true; // the older scan ends early; its result is ignored
    m_options = options;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_domainLabels[0]->setText(tr("Reading the dataset\u2026"));
    m_domainLabels[1]->clear();
    m_estimateLabel->clear();
    auto cancel = m_cancel;
    m_scan.setFuture(QtConcurrent::run([options, cancel] {
        Scan scan; // one boundary for the pool job: every exception becomes a message
        try {
            cgs::OverviewLimits limits;
            limits.thumbnails = 6;
            limits.thumbnailSide = kThumbnailSide * 2; // sharp on high-DPI screens
            scan.overview = cgs::overviewDataset(options, limits, cancel.get());
        } catch (const cgs::Cancelled &) {
            scan.error = QStringLiteral("cancelled");
        } catch (const std::exception &e) {
            scan.error = QString::fromStdString(e.what());
        }
        return scan;
    }));
}

bool DatasetOverviewPanel::isScanning() const { return m_scan.isRunning(); }

void DatasetOverviewPanel::clearThumbnails()
{
    for (QHBoxLayout *strip : m_strips)
        while (strip->count() > 1) {
            QLayoutItem *item = strip->takeAt(0);
            delete item->widget();
            delete item;
        }
}

// "<b>monet</b> (trainA): 250 image(s) — 256×256: 250", in the current language.
void DatasetOverviewPanel::updateDomainTexts()
{
    const auto names = cgs::domainNames(m_options);
    for (int d = 0; d < 2; ++d) {
        const cgs::DomainOverview &domain = m_overview.domain(d == 0 ? cgs::Domain::A : cgs::Domain::B);
        const QString name = QString::fromStdString(d == 0 ? names.first : names.second);
        m_domainLabels[d]->setText(tr("<b>%1</b> (%2): %n image(s)", nullptr, int(domain.imageCount))
                                       .arg(name.toHtmlEscaped(), QString::fromStdString(domain.name).toHtmlEscaped()) +
                                   (domain.sizes.empty() ? QString() : QStringLiteral(" \u2014 ") + sizesText(domain)));
    }
}

void DatasetOverviewPanel::showOverview()
{
    if (m_scan.isRunning())
        return; // a newer scan is on its way
    const Scan scan = m_scan.result();
    if (scan.error == QLatin1String("cancelled"))
        return;
    clearThumbnails();
    m_warningTexts.clear();
    if (!scan.error.isEmpty()) {
        m_hasOverview = false;
        m_domainLabels[0]->setText(scan.error);
        m_domainLabels[1]->clear();
        m_warnings->clear();
        emit overviewShown();
        return;
    }
    m_overview = scan.overview;
    m_hasOverview = true;
    updateDomainTexts();
    for (int d = 0; d < 2; ++d) {
        const cgs::DomainOverview &domain = m_overview.domain(d == 0 ? cgs::Domain::A : cgs::Domain::B);
        for (std::size_t i = 0; i < domain.thumbnails.size(); ++i) {
            auto *tile = new ImageTile;
            tile->setTileSize(kThumbnailSide);
            tile->setFixedSize(kThumbnailSide, kThumbnailSide);
            const QImage image = toQImage(domain.thumbnails[i]);
            const QString caption = QDir::toNativeSeparators(QString::fromStdString(domain.thumbnailPaths[i]));
            tile->setImage(image, caption);
            connect(tile, &ImageTile::clicked, this, [this, image, caption] { showEnlarged(this, image, caption); });
            m_strips[d]->insertWidget(m_strips[d]->count() - 1, tile);
        }
    }
    QStringList items;
    for (const auto &warning : m_overview.warnings) {
        m_warningTexts << QString::fromStdString(warning.message);
        items << QStringLiteral("\u26a0 ") + m_warningTexts.last().toHtmlEscaped();
    }
    m_warnings->setText(items.join(QStringLiteral("<br>")));
    m_estimateButton->setEnabled(m_estimateAllowed && m_overview.a.imageCount > 0 &&
                                 m_overview.b.imageCount > 0 && !m_estimate.isRunning());
    emit overviewShown();
}

void DatasetOverviewPanel::estimateEpochTime()
{
    if (!m_hasOverview || m_estimate.isRunning() || !m_estimateAllowed)
        return;
    cgs::BenchOptions bench = cgs::BenchOptions::forTraining(m_options);
    bench.warmupSteps = 1;
    bench.steps = 3;
    const std::int64_t images = std::max(m_overview.a.imageCount, m_overview.b.imageCount);
    const std::int64_t steps = (images + std::max(1, m_options.batchSize) - 1) / std::max(1, m_options.batchSize);
    m_estimateButton->setEnabled(false);
    m_estimateLabel->setText(tr("Timing a few training steps\u2026"));
    m_estimate.setFuture(QtConcurrent::run([bench, steps] {
        Estimate estimate; // pool job boundary
        try {
            const cgs::BenchResult result = cgs::runBenchmark(bench);
            estimate.secondsPerEpoch = result.msPerStep / 1000.0 * double(steps);
            estimate.device = QString::fromStdString(result.device);
        } catch (const std::exception &e) {
            estimate.error = QString::fromStdString(e.what());
        }
        return estimate;
    }));
}

void DatasetOverviewPanel::showEstimate()
{
    const Estimate estimate = m_estimate.result();
    m_estimateLabel->setText(estimate.error.isEmpty()
                                 ? tr("About %1 per epoch on %2 (decoding not counted)").arg(duration(estimate.secondsPerEpoch), estimate.device)
                                 : estimate.error);
    m_estimateButton->setEnabled(m_hasOverview && m_estimateAllowed);
    emit estimateShown();
}

void DatasetOverviewPanel::setEstimateAllowed(bool allowed)
{
    m_estimateAllowed = allowed;
    m_estimateButton->setEnabled(allowed && m_hasOverview && !m_estimate.isRunning());
}

QString DatasetOverviewPanel::domainText(cgs::Domain domain) const
{
    return m_domainLabels[domain == cgs::Domain::A ? 0 : 1]->text();
}

QStringList DatasetOverviewPanel::warningTexts() const { return m_warningTexts; }

int DatasetOverviewPanel::thumbnailCount() const
{
    return m_strips[0]->count() - 1 + m_strips[1]->count() - 1;
}

QString DatasetOverviewPanel::estimateText() const { return m_estimateLabel->text(); }

} // namespace cgs::ui
