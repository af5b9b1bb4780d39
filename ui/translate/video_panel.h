#pragma once

#include "ui/translate/video_export_job.h"
#include "ui/translate/video_frame_reader.h"
#include "ui/translation_service.h"

#include <QImage>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

namespace cgs::ui {

class BeforeAfterView;
class ModelPicker;

// The video part of the Translate page: a frame slider over an opened video with the original
// frame and its translation side by side, and "Export video…" with progress and Cancel.
//
// Frames are decoded by a VideoFrameReader and translated on demand by the page's
// TranslationService (the same single-image translation as a dropped picture, with the model
// and direction of `picker`), both off the GUI thread; while one frame is being translated the
// slider may move on, and only the frame it rests on is translated next. The export runs a
// VideoExportJob (core translateVideo: same container, size and frame rate; Cancel or an error
// leaves no output file). Errors (a file that is no video, a failed frame or export) are
// reported through failed(); the page shows them in its banner.
class VideoPanel : public QWidget {
    Q_OBJECT
public:
    // `service` and `picker` belong to the page and outlive the panel.
    VideoPanel(TranslationService *service, ModelPicker *picker, QWidget *parent = nullptr);

    QString videoPath() const { return m_summary.path; }
    qint64 frameCount() const { return m_summary.frameCount; }
    QSlider *slider() const { return m_slider; }
    BeforeAfterView *view() const { return m_view; }
    VideoExportJob *exportJob() { return &m_export; }
    // The frame whose translation the view shows (-1: none yet).
    qint64 shownFrame() const { return m_shownFrame; }
    QString statusText() const;

public slots:
    // Opens `path` in the background; videoOpened() or failed() follows.
    void openVideo(const QString &path);
    void closeVideo();
    // Moves the slider to frame `index`; its translation follows (frameShown()).
    void showFrame(qint64 index);
    // Translates the frame on the slider again (the model or direction changed).
    void retranslateFrame();
    // Asks for a file name, then exportVideo().
    void chooseExportFile();
    // Translates the whole video into `output` in the background.
    void exportVideo(const QString &output);
    void cancelExport();
    void retranslateUi();

signals:
    void videoOpened(const QString &path);
    void videoClosed();
    // The view shows frame `index` and its translation.
    void frameShown(qint64 index);
    void failed(const QString &summary, const QString &detail);
    void exportFinished(const cgs::ui::VideoExportOutcome &outcome);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleOpened(const cgs::ui::VideoSummary &summary);
    void handleFrame(qint64 index, const QImage &frame);
    void handleTranslation(const cgs::ui::TranslationResult &result);
    void handleExportProgress(const cgs::ui::VideoExportProgress &progress);
    void handleExportFinished(const cgs::ui::VideoExportOutcome &outcome);
    void translateCurrent();
    void updateFrameLabel();
    void updateButtons();

    TranslationService *m_service;
    ModelPicker *m_picker;
    VideoFrameReader m_reader;
    VideoExportJob m_export;
    VideoSummary m_summary;
    QImage m_frame;           // the decoded frame on the slider
    qint64 m_frameIndex = -1; // its index
    qint64 m_shownFrame = -1; // the frame whose translation is shown
    int m_job = 0;            // translation job in flight (0: none)
    qint64 m_jobFrame = -1;   // the frame it translates
    QSlider *m_slider;
    QLabel *m_frameLabel, *m_smoothingLabel, *m_status;
    BeforeAfterView *m_view;
    QDoubleSpinBox *m_smoothing;
    QPushButton *m_exportButton, *m_cancel, *m_close;
    QProgressBar *m_progress;
};

} // namespace cgs::ui
