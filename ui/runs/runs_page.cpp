#include "ui/runs/runs_page.h"

#include "ui/widgets/display_path.h"

#include "ui/runs/run_catalog.h"
#include "ui/widgets/error_banner.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace cgs::ui {

namespace {
constexpr int kPathRole = Qt::UserRole;

QString lossesText(const RunEntry &entry)
{
    if (!entry.lastLosses)
        return QString();
    const cgs::LossValues &l = entry.lastLosses->losses;
    return QStringLiteral("G %1 / %2  D %3 / %4  cycle %5 / %6")
        .arg(l.gA, 0, 'f', 3)
        .arg(l.gB, 0, 'f', 3)
        .arg(l.dA, 0, 'f', 3)
        .arg(l.dB, 0, 'f', 3)
        .arg(l.cycleA, 0, 'f', 3)
        .arg(l.cycleB, 0, 'f', 3);
}
} // namespace

RunsPage::RunsPage(RunCatalog *catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_banner(new ErrorBanner), m_folderLabel(new QLabel),
      m_moreLabel(new QLabel), m_list(new QTreeWidget), m_open(new QPushButton),
      m_continue(new QPushButton), m_more(new QPushButton), m_translate(new QPushButton),
      m_compare(new QPushButton), m_reveal(new QPushButton), m_trash(new QPushButton),
      m_refresh(new QPushButton), m_moreEpochs(new QSpinBox)
{
    m_folderLabel->setWordWrap(true);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setIconSize(QSize(RunEntry::kThumbnailHeight * 3, RunEntry::kThumbnailHeight));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = StateColumn; c < ColumnCount; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_moreEpochs->setRange(1, 1000);
    m_moreEpochs->setValue(10);
    m_open->setIcon(QIcon(QStringLiteral(":/icons/open.png")));
    m_continue->setIcon(QIcon(QStringLiteral(":/icons/start.png")));
    m_translate->setIcon(QIcon(QStringLiteral(":/icons/translate.png")));
    m_compare->setIcon(QIcon(QStringLiteral(":/icons/compare.png")));
    m_reveal->setIcon(QIcon(QStringLiteral(":/icons/folder.png")));

    auto *top = new QHBoxLayout;
    top->addWidget(m_folderLabel, 1);
    top->addWidget(m_refresh);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_open, m_continue, m_translate, m_compare, m_reveal, m_trash})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *more = new QHBoxLayout;
    more->addWidget(m_moreLabel);
    more->addWidget(m_moreEpochs);
    more->addWidget(m_more);
    more->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addLayout(more);

    connect(m_catalog, &RunCatalog::changed, this, &RunsPage::reload);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RunsPage::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &RunsPage::openSelected);
    connect(m_open, &QPushButton::clicked, this, &RunsPage::openSelected);
    connect(m_continue, &QPushButton::clicked, this, &RunsPage::continueSelected);
    connect(m_more, &QPushButton::clicked, this, &RunsPage::trainMoreSelected);
    connect(m_translate, &QPushButton::clicked, this, &RunsPage::translateWithSelected);
    connect(m_compare, &QPushButton::clicked, this, &RunsPage::compareSelected);
    connect(m_reveal, &QPushButton::clicked, this, &RunsPage::revealSelected);
    connect(m_trash, &QPushButton::clicked, this, [this] { trashSelected(); });
    connect(m_refresh, &QPushButton::clicked, m_catalog, &RunCatalog::refresh);
    retranslateUi();
    reload();
}

void RunsPage::retranslateUi()
{
    m_list->setHeaderLabels({tr("Run"), tr("State"), tr("Epoch"), tr("Last losses"), tr("Date")});
    m_open->setText(tr("Open"));
    m_open->setToolTip(tr("Show its curves and previews on the Train page (a run trained by "
                          "another process is followed live)"));
    m_continue->setText(tr("Continue training"));
    m_continue->setToolTip(tr("Resume it from its latest checkpoint"));
    m_moreLabel->setText(tr("A finished run:"));
    m_more->setText(tr("Train more epochs"));
    m_more->setToolTip(tr("Continue a finished run for this many epochs more; the learning rate "
                          "decays again to zero over them"));
    m_translate->setText(tr("Translate with"));
    m_compare->setText(tr("Compare checkpoints"));
    m_reveal->setText(tr("Show in file manager"));
    m_trash->setText(tr("Move to trash"));
    m_refresh->setText(tr("Refresh"));
    reload();
}

void RunsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString RunsPage::stateText(const RunEntry &entry)
{
    using State = cgs::RunFolder::RunState;
    if (entry.kind == RunEntry::Kind::Official)
        return tr("official code");
    const bool elsewhere = entry.isTrainingNow() && !entry.lockHeld;
    switch (entry.state) {
    case State::Training:
        return elsewhere && !entry.host.isEmpty() ? tr("training now (on %1)").arg(entry.host)
                                                  : tr("training now");
    case State::Paused: return tr("paused");
    case State::Stopped: return tr("stopped");
    case State::Finished: return tr("finished");
    case State::Failed: return tr("failed");
    }
    return QString();
}

void RunsPage::reload()
{
    const QString selected = selectedRun();
    const QString folder = m_catalog->runsFolder();
    m_folderLabel->setText(folder.isEmpty()
                               ? tr("No runs folder")
                               : tr("Runs in %1 and runs opened recently")
                                     .arg(displayPath(folder)));
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QLocale locale;
    for (const RunEntry &entry : m_catalog->runs()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, kPathRole, entry.path);
        item->setText(NameColumn, entry.name);
        item->setToolTip(NameColumn, displayPath(entry.path));
        if (!entry.thumbnail.isNull())
            item->setIcon(NameColumn, QIcon(QPixmap::fromImage(entry.thumbnail)));
        item->setText(StateColumn, stateText(entry));
        item->setToolTip(StateColumn, entry.stateDetail);
        item->setText(EpochColumn, entry.totalEpochs > 0
                                       ? tr("%1 of %2").arg(entry.epoch).arg(entry.totalEpochs)
                                       : QString::number(entry.epoch));
        item->setText(LossesColumn, lossesText(entry));
        item->setText(DateColumn, locale.toString(entry.modified, QLocale::ShortFormat));
        if (entry.path == selected)
            item->setSelected(true);
    }
    if (m_list->selectedItems().isEmpty() && m_list->topLevelItemCount() > 0)
        m_list->topLevelItem(0)->setSelected(true);
    updateButtons();
}

QString RunsPage::selectedRun() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, kPathRole).toString();
}

void RunsPage::selectRun(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setSelected(item->data(NameColumn, kPathRole).toString() == clean);
    }
}

std::optional<RunEntry> RunsPage::selectedEntry() const
{
    const QString path = selectedRun();
    return path.isEmpty() ? std::nullopt : m_catalog->find(path);
}

void RunsPage::updateButtons()
{
    const std::optional<RunEntry> entry = selectedEntry();
    const bool ours = entry && entry->kind == RunEntry::Kind::Ours;
    const bool busy = entry && entry->isTrainingNow();
    m_open->setEnabled(ours);
    // Continuing needs a checkpoint of ours and no trainer on it.
    m_continue->setEnabled(ours && !busy && entry->hasModel() &&
                           entry->state != cgs::RunFolder::RunState::Finished);
    m_more->setEnabled(ours && !busy && entry->state == cgs::RunFolder::RunState::Finished);
    m_moreEpochs->setEnabled(m_more->isEnabled());
    m_translate->setEnabled(entry && entry->hasModel());
    m_compare->setEnabled(entry && entry->hasModel());
    m_reveal->setEnabled(entry.has_value());
    m_trash->setEnabled(entry && !busy);
}

void RunsPage::openSelected()
{
    if (const auto entry = selectedEntry(); entry && entry->kind == RunEntry::Kind::Ours)
        emit openRequested(entry->path);
}

void RunsPage::continueSelected()
{
    if (const auto entry = selectedEntry())
        emit continueRequested(entry->path, 0);
}

void RunsPage::trainMoreSelected()
{
    if (const auto entry = selectedEntry())
        emit continueRequested(entry->path, m_moreEpochs->value());
}

void RunsPage::translateWithSelected()
{
    if (const auto entry = selectedEntry(); entry && entry->hasModel())
        emit translateRequested(entry->path);
}

void RunsPage::compareSelected()
{
    if (const auto entry = selectedEntry(); entry && entry->hasModel())
        emit compareRequested(entry->path);
}

void RunsPage::revealSelected()
{
    if (const auto entry = selectedEntry())
        QDesktopServices::openUrl(QUrl::fromLocalFile(entry->path));
}

void RunsPage::trashSelected(Confirm confirm)
{
    const std::optional<RunEntry> entry = selectedEntry();
    if (!entry)
        return;
    m_banner->clear();
    // Asked again now: the list may be seconds old.
    const std::optional<RunEntry> now = RunCatalog::readRun(entry->path);
    if (entry->isTrainingNow() || (now && now->isTrainingNow())) {
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("This run is being trained: stop it first."),
                              QDir::toNativeSeparators(entry->path));
        return;
    }
    if (confirm == Confirm::Ask &&
        QMessageBox::question(this, tr("Move to trash"),
                              tr("Move the run \u201c%1\u201d (its checkpoints, previews and "
                                 "logs) to the trash?")
                                  .arg(entry->name)) != QMessageBox::Yes)
        return;
    QString trashed;
    if (!QFile::moveToTrash(entry->path, &trashed)) {
        m_banner->showError(tr("The run could not be moved to the trash"),
                            tr("%1: the desktop's trash cannot take it (another file system, or "
                               "no permission). Delete the folder in the file manager.")
                                .arg(QDir::toNativeSeparators(entry->path)));
        return;
    }
    m_banner->showMessage(ErrorBanner::Level::Info,
                          tr("\u201c%1\u201d is in the trash.").arg(entry->name),
                          QDir::toNativeSeparators(trashed));
    m_catalog->refreshNow();
}

} // namespace cgs::ui
