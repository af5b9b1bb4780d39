#pragma once

#include "ui/translation_service.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QMimeData;
class QProgressBar;
class QPushButton;

namespace cgs::ui {

class BeforeAfterView;
class ErrorBanner;
class ModelPicker;
class VideoPanel;

// The Translate page: drop images (or folders, or open by dialog, or paste), each is translated
// at its own size with the chosen model and direction, shown before/after with zoom; the result
// can be saved. Changing the model or the direction translates the shown images again.
// A video file (cgs::isVideoFile) opens in the VideoPanel instead: frame slider, original and
// translated frame side by side, "Export video…".
class TranslatePage : public QWidget {
    Q_OBJECT
public:
    explicit TranslatePage(QWidget *parent = nullptr);

    ModelPicker *modelPicker() const { return m_picker; }
    TranslationService *service() { return &m_service; }
    BeforeAfterView *view() const { return m_view; }
    ErrorBanner *banner() const { return m_banner; }
    int entryCount() const { return m_entries.size(); }
    QImage entryInput(int i) const { return m_entries.value(i).input; }
    QImage entryOutput(int i) const { return m_entries.value(i).output; }
    QString entryError(int i) const { return m_entries.value(i).error; }
    QListWidget *entryList() const { return m_list; }
    // The frame slider and "Export video…" of a dropped or opened video (video_panel.h).
    VideoPanel *videoPanel() const { return m_videoPanel; }
    // The status line: size and time of the selected entry, or why it failed.
    QString statusText() const;

    // Adds the image a paste or drop carries, decoded by the core behind its format gate
    // (mime_image.h); a refused or corrupt one is reported in the banner, naming `name`.
    // Returns false when `mime` carries no image at all.
    bool addMimeImage(const QMimeData &mime, const QString &name);

public slots:
    void addFiles(const QStringList &paths);
    void addImage(const QImage &image, const QString &name);
    void openFiles();
    // Pastes an image, or opens the files that a file manager copied (file URLs).
    void pasteImage();
    // Saves the selected entry's result through a file dialog and says where; an entry
    // without a result (failed, pending) says why there is nothing to save.
    void saveResult();
    // Removes the selected entry from the list (Delete); its file stays where it is.
    void removeSelected();
    void retranslateAll();
    // A training wrote checkpoint `tag` of `runDir`: when that is the model shown, translate
    // the images again with it (skipped while earlier translations are still running, so a
    // fast training never queues up work; the next checkpoint catches up).
    void followCheckpoint(const QString &runDir, const QString &tag);
    void clearImages();
    void retranslateUi();

signals:
    // An entry got its translation (or its error).
    void entryUpdated(int index);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Entry {
        QString path;
        QString name;
        QImage input;
        QImage output;
        QString error;
        QStringList warnings; // of the model load (a damaged checkpoint replaced, ...)
        double seconds = 0; // of the last translation
        int jobId = 0;
    };
    void handleResult(const cgs::ui::TranslationResult &result);
    void showEntry(int index);
    void updateItem(int index);
    void showEntryStatus(int index);

    TranslationService m_service;
    QVector<Entry> m_entries;
    ModelPicker *m_picker;
    ErrorBanner *m_banner;
    QListWidget *m_list;
    BeforeAfterView *m_view;
    QComboBox *m_mode;
    QPushButton *m_open, *m_paste, *m_save, *m_fit, *m_actualSize, *m_clear;
    QProgressBar *m_busy;
    QLabel *m_status;
    VideoPanel *m_videoPanel; // shown instead of the image list while a video is open
};

} // namespace cgs::ui
