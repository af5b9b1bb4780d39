#include "ui/translate/translate_page.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/video_file.h"
#include "ui/translate/before_after_view.h"
#include "ui/translate/video_panel.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/image_convert.h"
#include "ui/widgets/mime_image.h"
#include "ui/widgets/model_picker.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QUrl>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace cgs::ui {

TranslatePage::TranslatePage(QWidget *parent)
    : QWidget(parent), m_picker(new ModelPicker), m_banner(new ErrorBanner),
      m_list(new QListWidget), m_view(new BeforeAfterView), m_mode(new QComboBox),
      m_open(new QPushButton), m_paste(new QPushButton), m_save(new QPushButton),
      m_fit(new QPushButton), m_actualSize(new QPushButton), m_clear(new QPushButton),
      m_busy(new QProgressBar), m_status(new QLabel)
{
    setAcceptDrops(true);
    m_mode->addItem(QString(), static_cast<int>(BeforeAfterView::Mode::SideBySide));
    m_mode->addItem(QString(), static_cast<int>(BeforeAfterView::Mode::Split));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_list->setIconSize(QSize(64, 64));
    m_list->setMaximumWidth(220);
    m_open->setIcon(QIcon(QStringLiteral(":/icons/open.png")));
    m_save->setIcon(QIcon(QStringLiteral(":/icons/save.png")));

    auto *tools = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_open, m_paste, m_clear, m_mode, m_fit,
                                                      m_actualSize, m_save})
        tools->addWidget(w);
    tools->addStretch(1);
    tools->addWidget(m_busy);
    tools->addWidget(m_status);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_list);
    split->addWidget(m_view);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_picker);
    layout->addLayout(tools);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    m_videoPanel = new VideoPanel(&m_service, m_picker);
    m_videoPanel->hide();
    layout->addWidget(m_videoPanel, 1);
    connect(m_videoPanel, &VideoPanel::videoOpened, this, [this, split] {
        m_banner->clear();
        split->hide();
        m_videoPanel->show();
    });
    connect(m_videoPanel, &VideoPanel::videoClosed, this, [this, split] {
        m_videoPanel->hide();
        split->show();
    });
    connect(m_videoPanel, &VideoPanel::failed, m_banner,
            [this](const QString &summary, const QString &detail) {
                m_banner->showError(summary, detail);
            });

    auto *paste = new QShortcut(QKeySequence::Paste, this);
    connect(paste, &QShortcut::activated, this, &TranslatePage::pasteImage);
    // Delete removes the selected image from the list (its files are not touched).
    auto *remove = new QShortcut(QKeySequence::Delete, m_list);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &TranslatePage::removeSelected);
    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, &TranslatePage::saveResult);
    connect(&m_service, &TranslationService::translated, this, &TranslatePage::handleResult);
    connect(&m_service, &TranslationService::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_picker, &ModelPicker::modelChanged, this, &TranslatePage::retranslateAll);
    connect(m_list, &QListWidget::currentRowChanged, this, &TranslatePage::showEntry);
    connect(m_open, &QPushButton::clicked, this, &TranslatePage::openFiles);
    connect(m_paste, &QPushButton::clicked, this, &TranslatePage::pasteImage);
    connect(m_save, &QPushButton::clicked, this, &TranslatePage::saveResult);
    connect(m_clear, &QPushButton::clicked, this, &TranslatePage::clearImages);
    connect(m_fit, &QPushButton::clicked, m_view, &BeforeAfterView::zoomToFit);
    connect(m_actualSize, &QPushButton::clicked, this, [this] { m_view->setZoom(1.0); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_view->setMode(static_cast<BeforeAfterView::Mode>(m_mode->currentData().toInt()));
    });
    retranslateUi();
}

void TranslatePage::retranslateUi()
{
    m_open->setText(tr("Open images\u2026"));
    m_paste->setText(tr("Paste"));
    m_save->setText(tr("Save result\u2026"));
    m_fit->setText(tr("Fit"));
    m_actualSize->setText(tr("100%"));
    m_clear->setText(tr("Clear"));
    m_mode->setItemText(0, tr("Side by side"));
    m_mode->setItemText(1, tr("Split view"));
    m_busy->setToolTip(tr("Translating\u2026"));
    showEntryStatus(m_list->currentRow());
}

void TranslatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TranslatePage::addFiles(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (cgs::isVideoFile(path.toStdString()) && !QFileInfo(path).isDir()) {
            m_videoPanel->openVideo(path); // one video at a time: the last one dropped
        } else if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (cgs::isImageFile(file.toStdString()))
                    files << file;
            }
        } else {
            files << path;
        }
    }
    for (const QString &file : files) {
        Entry entry;
        entry.path = file;
        entry.name = QFileInfo(file).fileName();
        entry.jobId = m_service.translateFile(file, m_picker->translatorOptions());
        m_entries << entry;
        new QListWidgetItem(entry.name, m_list);
        updateItem(m_entries.size() - 1);
    }
    if (!files.isEmpty())
        m_videoPanel->closeVideo(); // images take the view back
    if (!files.isEmpty() && m_list->currentRow() < 0)
        m_list->setCurrentRow(m_entries.size() - files.size());
}

void TranslatePage::addImage(const QImage &image, const QString &name)
{
    Entry entry;
    entry.name = name;
    entry.input = image;
    entry.jobId = m_service.translateImage(image, m_picker->translatorOptions());
    m_entries << entry;
    new QListWidgetItem(name, m_list);
    updateItem(m_entries.size() - 1);
    m_list->setCurrentRow(m_entries.size() - 1);
}

void TranslatePage::openFiles()
{
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open images"),
        settings.value(QStringLiteral("folders/translateInput"), QDir::homePath()).toString(),
        tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;All files (*)") +
            QStringLiteral(";;") + tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/translateInput"), QFileInfo(files[0]).absolutePath());
    addFiles(files);
}

void TranslatePage::pasteImage()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    // Files copied in a file manager come as file URLs: open them, as a drop of them would.
    QStringList files;
    if (mime)
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                files << url.toLocalFile();
    if (!files.isEmpty()) {
        addFiles(files);
        return;
    }
    if (!mime || !addMimeImage(*mime, tr("Pasted image")))
        m_banner->showMessage(ErrorBanner::Level::Warning, tr("The clipboard holds no image."));
}

void TranslatePage::removeSelected()
{
    const int index = m_list->currentRow();
    if (index < 0 || index >= m_entries.size())
        return;
    m_entries.removeAt(index);
    delete m_list->takeItem(index);
    showEntry(m_list->currentRow());
}

bool TranslatePage::addMimeImage(const QMimeData &mime, const QString &name)
{
    // Decoded by the core behind its format gate, not by Qt's image plugins.
    cgs::Image image;
    try {
        image = imageFromMimeData(mime, name);
    } catch (const cgs::Error &e) {
        m_banner->showMessage(ErrorBanner::Level::Error, tr("The image cannot be used."),
                              QString::fromUtf8(e.what()));
        return true;
    }
    if (image.empty())
        return false;
    addImage(toQImage(image), name);
    return true;
}

void TranslatePage::clearImages()
{
    m_entries.clear();
    m_list->clear();
    m_view->setImages({}, {});
    m_status->clear();
}

void TranslatePage::retranslateAll()
{
    m_banner->clear();
    for (Entry &entry : m_entries) {
        entry.error.clear();
        entry.jobId = entry.input.isNull()
                          ? m_service.translateFile(entry.path, m_picker->translatorOptions())
                          : m_service.translateImage(entry.input, m_picker->translatorOptions(),
                                                     entry.path);
    }
}

void TranslatePage::followCheckpoint(const QString &runDir, const QString &tag)
{
    const cgs::TranslatorOptions options = m_picker->translatorOptions();
    if (m_entries.isEmpty() || m_service.pendingJobs() > 0 ||
        QString::fromStdString(options.epoch) != tag ||
        QDir::cleanPath(QFileInfo(runDir).absoluteFilePath()) != m_picker->model())
        return;
    retranslateAll();
}

void TranslatePage::handleResult(const TranslationResult &result)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        if (entry.jobId != result.id)
            continue; // a result of an older request for this entry is stale
        if (!result.input.isNull())
            entry.input = result.input;
        entry.output = result.output;
        entry.error = result.error;
        entry.warnings = result.warnings;
        entry.seconds = result.seconds;
        entry.jobId = 0; // done
        updateItem(i);
        // The status and the banner speak of the selected entry only; every entry keeps its
        // own failure reason (its row's tooltip, and the banner when it is selected).
        if (i == m_list->currentRow())
            showEntry(i);
        emit entryUpdated(i);
        return;
    }
}

void TranslatePage::updateItem(int index)
{
    QListWidgetItem *item = m_list->item(index);
    const Entry &entry = m_entries[index];
    if (!item)
        return;
    // Every icon fills the whole icon size (centred on a transparent square), so that failed
    // and pending rows are as high and as easy to click as the others.
    const QSize iconSize = m_list->iconSize();
    QPixmap icon(iconSize);
    icon.fill(Qt::transparent);
    QPixmap content;
    const QImage &thumb = entry.input.isNull() ? entry.output : entry.input;
    if (!entry.error.isEmpty())
        content = style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize / 2);
    else if (!thumb.isNull())
        content = QPixmap::fromImage(
            thumb.scaled(iconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    if (!content.isNull()) {
        QPainter painter(&icon);
        painter.drawPixmap((iconSize.width() - content.width()) / 2,
                           (iconSize.height() - content.height()) / 2, content);
    }
    item->setIcon(icon);
    item->setForeground(entry.error.isEmpty() ? palette().color(QPalette::Text) : QColor(Qt::red));
    QString tip = entry.path.isEmpty() ? entry.name : QDir::toNativeSeparators(entry.path);
    if (!entry.error.isEmpty())
        tip += QStringLiteral("\n") + entry.error;
    item->setToolTip(tip);
}

void TranslatePage::showEntry(int index)
{
    showEntryStatus(index);
    if (index < 0 || index >= m_entries.size()) {
        m_view->setImages({}, {});
        return;
    }
    const Entry &entry = m_entries[index];
    m_view->setImages(entry.input, entry.output);
}

void TranslatePage::showEntryStatus(int index)
{
    m_banner->clear();
    m_view->setPlaceholderText(tr("Drop photos or paintings here. Each is translated at its own "
                                  "size with the chosen model."));
    if (index < 0 || index >= m_entries.size()) {
        m_status->clear();
        return;
    }
    const Entry &entry = m_entries[index];
    if (!entry.error.isEmpty()) {
        m_status->setText(tr("Failed"));
        m_banner->showError(tr("Cannot translate %1").arg(entry.name), entry.error);
        m_view->setPlaceholderText(tr("%1 could not be translated:\n%2").arg(entry.name, entry.error));
    } else if (entry.output.isNull()) {
        m_status->setText(tr("Translating\u2026"));
    } else {
        m_status->setText(tr("%1 \u00d7 %2 in %3 s")
                              .arg(entry.output.width())
                              .arg(entry.output.height())
                              .arg(entry.seconds, 0, 'f', 2));
        if (!entry.warnings.isEmpty())
            m_banner->showMessage(ErrorBanner::Level::Warning,
                                  tr("Translated with a warning about the model"),
                                  entry.warnings.join(QLatin1Char('\n')));
    }
}

QString TranslatePage::statusText() const { return m_status->text(); }

void TranslatePage::saveResult()
{
    const int index = m_list->currentRow();
    if (index < 0 || index >= m_entries.size()) {
        m_banner->showMessage(ErrorBanner::Level::Info, tr("Select a translated image to save."));
        return;
    }
    if (m_entries[index].output.isNull()) {
        const Entry &entry = m_entries[index];
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              entry.error.isEmpty()
                                  ? tr("%1 is not translated yet: nothing to save.").arg(entry.name)
                                  : tr("%1 could not be translated: nothing to save.").arg(entry.name),
                              entry.error);
        return;
    }
    QSettings settings;
    const QString dir =
        settings.value(QStringLiteral("folders/translateOutput"), QDir::homePath()).toString();
    const QString suggested =
        QDir(dir).filePath(QFileInfo(m_entries[index].name).completeBaseName() + "_translated.png");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save result"), suggested,
                                                      tr("Images (*.png *.jpg *.webp)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/translateOutput"), QFileInfo(path).absolutePath());
    try {
        cgs::writeImage(path.toStdString(), fromQImage(m_entries[index].output));
        m_banner->showMessage(ErrorBanner::Level::Info,
                              tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Save result"),
                             tr("The image could not be saved.") + QStringLiteral("\n\n") +
                                 QString::fromUtf8(e.what()));
    }
}

void TranslatePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void TranslatePage::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty())
        addFiles(paths);
    else if (event->mimeData()->hasImage())
        addMimeImage(*event->mimeData(), tr("Dropped image"));
    event->acceptProposedAction();
}

} // namespace cgs::ui
