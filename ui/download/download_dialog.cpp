#include "ui/download/download_dialog.h"

#include "ui/widgets/display_path.h"

#include "ui/widgets/error_banner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cgs::ui {

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

DownloadDialog::DownloadDialog(QWidget *parent)
    : QDialog(parent), m_intro(new QLabel), m_folder(new QLabel), m_speed(new QLabel),
      m_list(new QTreeWidget), m_progress(new QProgressBar), m_download(new QPushButton),
      m_cancel(new QPushButton), m_close(new QPushButton), m_banner(new ErrorBanner)
{
    m_intro->setWordWrap(true);
    m_folder->setWordWrap(true);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_models = new QTreeWidgetItem(m_list);
    m_datasets = new QTreeWidgetItem(m_list);
    for (const auto &entry : cgs::download::catalog()) {
        auto *item = new QTreeWidgetItem(entry.kind == cgs::download::ItemKind::Model ? m_models : m_datasets);
        item->setText(0, entry.description.isEmpty() ? entry.name : entry.description);
        item->setText(1, entry.name);
        item->setData(0, kKindRole, static_cast<int>(entry.kind));
        item->setData(0, kNameRole, entry.name);
    }
    m_list->expandAll();
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_download->setDefault(true);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_download, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_speed);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_banner);
    layout->addLayout(progressRow);
    layout->addWidget(m_folder);
    layout->addWidget(buttons);
    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_banner->setObjectName(QStringLiteral("downloadBanner"));
    connect(m_download, &QPushButton::clicked, this, &DownloadDialog::downloadSelected);
    connect(m_cancel, &QPushButton::clicked, this, &DownloadDialog::cancelDownload);
    connect(m_close, &QPushButton::clicked, this, &DownloadDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DownloadDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &DownloadDialog::downloadSelected);
    connect(&m_job, &cgs::download::DownloadJob::progressed, this, &DownloadDialog::showProgress);
    connect(&m_job, &cgs::download::DownloadJob::stageChanged, this, &DownloadDialog::showStage);
    connect(&m_job, &cgs::download::DownloadJob::finished, this, &DownloadDialog::finished);
    resize(720, 560);
    retranslateUi();
    refresh();
}

DownloadDialog::~DownloadDialog()
{
    m_job.disconnect(this); // the job's destructor cancels and waits
}

void DownloadDialog::retranslateUi()
{
    setWindowTitle(tr("Get models and datasets"));
    m_intro->setText(tr("The pretrained generators and the datasets of the CycleGAN authors. A model "
                        "appears on the Translate page under what it does; a dataset is offered on "
                        "the Train page. An interrupted download resumes where it stopped."));
    m_list->setHeaderLabels({tr("What it does"), tr("Name"), tr("Status")});
    m_models->setText(0, tr("Pretrained models"));
    m_datasets->setText(0, tr("Datasets"));
    m_download->setText(tr("Download"));
    m_cancel->setText(tr("Cancel download"));
    m_close->setText(tr("Close"));
    refresh();
}

void DownloadDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void DownloadDialog::refresh()
{
    const QString folder = cgs::download::dataFolder();
    for (QTreeWidgetItem *group : {m_models, m_datasets}) {
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const auto *entry = cgs::download::findEntry(
                static_cast<cgs::download::ItemKind>(item->data(0, kKindRole).toInt()), item->data(0, kNameRole).toString());
            const bool installed = entry && cgs::download::isInstalled(*entry, folder);
            item->setText(2, installed ? tr("Downloaded") : QString());
            item->setToolTip(0, entry ? cgs::download::entryUrl(*entry, cgs::download::baseUrl()).toDisplayString() : QString());
        }
    }
    m_folder->setText(tr("Data folder: %1").arg(displayPath(folder)));
    updateButtons();
}

bool DownloadDialog::select(cgs::download::ItemKind kind, const QString &name)
{
    QTreeWidgetItem *group = kind == cgs::download::ItemKind::Model ? m_models : m_datasets;
    for (int i = 0; i < group->childCount(); ++i) {
        if (group->child(i)->data(0, kNameRole).toString() == name) {
            m_list->setCurrentItem(group->child(i));
            return true;
        }
    }
    return false;
}

bool DownloadDialog::isDownloading() const { return m_job.isRunning(); }

const cgs::download::CatalogEntry *DownloadDialog::selectedEntry() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->parent())
        return nullptr;
    return cgs::download::findEntry(static_cast<cgs::download::ItemKind>(item->data(0, kKindRole).toInt()),
                                    item->data(0, kNameRole).toString());
}

void DownloadDialog::updateButtons()
{
    const auto *entry = selectedEntry();
    m_download->setEnabled(!m_job.isRunning() && entry &&
                           !cgs::download::isInstalled(*entry, cgs::download::dataFolder()));
    m_cancel->setEnabled(m_job.isRunning());
    m_list->setEnabled(!m_job.isRunning());
}

void DownloadDialog::downloadSelected()
{
    const auto *entry = selectedEntry();
    if (m_job.isRunning() || !entry)
        return;
    m_banner->clear();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_speed->clear();
    m_job.start(*entry, cgs::download::baseUrl(), cgs::download::dataFolder());
    updateButtons();
}

void DownloadDialog::cancelDownload() { m_job.cancel(); }

void DownloadDialog::reject()
{
    m_job.cancel();
    QDialog::reject();
}

void DownloadDialog::showProgress(qint64 received, qint64 total, double bytesPerSecond)
{
    if (total > 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(int(100 * received / total));
    } else {
        m_progress->setRange(0, 0); // busy: the server did not say the length
    }
    m_speed->setText(total > 0 ? tr("%1 of %2 MB, %3 MB/s").arg(megabytes(received), megabytes(total), megabytes(qint64(bytesPerSecond)))
                               : tr("%1 MB, %2 MB/s").arg(megabytes(received), megabytes(qint64(bytesPerSecond))));
}

void DownloadDialog::showStage(cgs::download::DownloadStage stage)
{
    if (stage == cgs::download::DownloadStage::Verifying)
        m_speed->setText(tr("Checking that it loads as a generator\u2026"));
    else if (stage == cgs::download::DownloadStage::Unpacking)
        m_speed->setText(tr("Unpacking and checking trainA/ and trainB/\u2026"));
}

QString DownloadDialog::failureSummary(cgs::download::DownloadStatus status) const
{
    using cgs::download::DownloadStatus;
    switch (status) {
    case DownloadStatus::NotFound: return tr("Not found on the server");
    case DownloadStatus::NetworkError: return tr("Network error");
    case DownloadStatus::Truncated: return tr("The download was cut short");
    case DownloadStatus::DiskFull: return tr("The disk is full");
    case DownloadStatus::WriteError: return tr("Cannot write to the data folder");
    case DownloadStatus::NotAModel: return tr("The file is not a CycleGAN generator");
    case DownloadStatus::NotADataset: return tr("The archive is not a CycleGAN dataset");
    default: return tr("Download failed");
    }
}

void DownloadDialog::finished(const cgs::download::DownloadOutcome &outcome)
{
    using cgs::download::DownloadStatus;
    const auto *entry = &m_job.entry();
    const QString path = displayPath(outcome.path);
    m_progress->setRange(0, 100);
    switch (outcome.status) {
    case DownloadStatus::Installed:
    case DownloadStatus::AlreadyInstalled:
        m_progress->setValue(100);
        m_speed->clear();
        m_banner->showMessage(ErrorBanner::Level::Info,
                              entry->kind == cgs::download::ItemKind::Model
                                  ? tr("%1 is ready on the Translate page").arg(entry->description)
                                  : tr("Dataset %1 is ready on the Train page").arg(entry->name),
                              path);
        if (entry->kind == cgs::download::ItemKind::Model)
            emit modelInstalled(outcome.path);
        else
            emit datasetInstalled(outcome.path);
        break;
    case DownloadStatus::Cancelled:
        m_speed->setText(tr("Cancelled: starting it again resumes it."));
        break;
    default:
        m_speed->clear();
        m_banner->showError(failureSummary(outcome.status), outcome.message);
    }
    refresh();
    emit downloadFinished(outcome);
}

} // namespace cgs::ui
