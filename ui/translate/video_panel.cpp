#include "ui/translate/video_panel.h"

#include "ui/translate/before_after_view.h"
#include "ui/translation_service.h"
#include "ui/widgets/model_picker.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QVBoxLayout>

namespace cgs::ui {

VideoPanel::VideoPanel(TranslationService *service, ModelPicker *picker, QWidget *parent)
    : QWidget(parent), m_service(service), m_picker(picker), m_slider(new QSlider(Qt::Horizontal)),
      m_frameLabel(new QLabel), m_smoothingLabel(new QLabel), m_status(new QLabel),
      m_view(new BeforeAfterView), m_smoothing(new QDoubleSpinBox), m_exportButton(new QPushButton),
      m_cancel(new QPushButton), m_close(new QPushButton), m_progress(new QProgressBar) {
    m_slider->setRange(0, 0);
    m_smoothing->setRange(0.0, 0.99);
    m_smoothing->setSingleStep(0.1);
    m_smoothing->setDecimals(2);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_exportButton->setIcon(QIcon(QStringLiteral(":/icons/save.png")));
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/stop.png")));

    auto *frames = new QHBoxLayout;
    frames->addWidget(m_frameLabel);
    frames->addWidget(m_slider, 1);
    frames->addWidget(m_close);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_smoothingLabel);
    exportRow->addWidget(m_smoothing);
    exportRow->addWidget(m_exportButton);
    exportRow->addWidget(m_cancel);
    exportRow->addWidget(m_progress);
    exportRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(frames);
    layout->addWidget(m_view, 1);
    layout->addLayout(exportRow);

    connect(&m_reader, &VideoFrameReader::opened, this, &VideoPanel::handleOpened);
    connect(&m_reader, &VideoFrameReader::frameDecoded, this, &VideoPanel::handleFrame);
    connect(&m_reader, &VideoFrameReader::failed, this,
            [this](const QString &path, const QString &message) {
                m_status->setText(tr("Failed"));
                emit failed(tr("Cannot open the video %1").arg(QFileInfo(path).fileName()),
                            message);
            });
    connect(m_service, &TranslationService::translated, this, &VideoPanel::handleTranslation);
    connect(m_picker, &ModelPicker::modelChanged, this, &VideoPanel::retranslateFrame);
    connect(&m_export, &VideoExportJob::progressed, this, &VideoPanel::handleExportProgress);
    connect(&m_export, &VideoExportJob::finished, this, &VideoPanel::handleExportFinished);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        updateFrameLabel();
        if (!m_summary.path.isEmpty())
            m_reader.requestFrame(value);
    });
    connect(m_exportButton, &QPushButton::clicked, this, &VideoPanel::chooseExportFile);
    connect(m_cancel, &QPushButton::clicked, this, &VideoPanel::cancelExport);
    connect(m_close, &QPushButton::clicked, this, &VideoPanel::closeVideo);
    retranslateUi();
    updateButtons();
}

void VideoPanel::retranslateUi() {
    m_smoothingLabel->setText(tr("Temporal smoothing"));
    m_smoothing->setToolTip(
        tr("Weight of the past frames in the instance-norm statistics of the exported video "
           "(0 = off, every frame on its own; reset at scene cuts). Less flicker, but a frame "
           "moves away from its own translation. The slider always shows single frames."));
    m_exportButton->setText(tr("Export video\u2026"));
    m_cancel->setText(tr("Cancel"));
    m_close->setText(tr("Close video"));
    m_view->setPlaceholderText(tr("Decoding the frame\u2026"));
    updateFrameLabel();
}

void VideoPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString VideoPanel::statusText() const {
    return m_status->text();
}

void VideoPanel::openVideo(const QString &path) {
    closeVideo();
    m_status->setText(tr("Opening %1\u2026").arg(QFileInfo(path).fileName()));
    m_reader.open(path);
}

void VideoPanel::closeVideo() {
    m_export.cancel();
    const bool wasOpen = !m_summary.path.isEmpty();
    m_reader.close();
    m_summary = {};
    m_frame = {};
    m_frameIndex = m_shownFrame = m_jobFrame = -1;
    m_view->setImages({}, {});
    m_status->clear();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, 0);
    }
    updateFrameLabel();
    updateButtons();
    if (wasOpen)
        emit videoClosed();
}

void VideoPanel::handleOpened(const VideoSummary &summary) {
    m_summary = summary;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, static_cast<int>(qMax<qint64>(0, summary.frameCount - 1)));
        m_slider->setValue(0);
    }
    m_status->setText(tr("%1 \u00d7 %2, %3 frames at %4 fps")
                          .arg(summary.width)
                          .arg(summary.height)
                          .arg(summary.frameCount)
                          .arg(summary.fps, 0, 'g', 4));
    updateFrameLabel();
    updateButtons();
    m_reader.requestFrame(0);
    emit videoOpened(summary.path);
}

void VideoPanel::showFrame(qint64 index) {
    m_slider->setValue(static_cast<int>(index));
}

void VideoPanel::handleFrame(qint64 index, const QImage &frame) {
    if (index != m_slider->value())
        return; // the slider moved on; its own frame is on the way
    m_frame = frame;
    m_frameIndex = index;
    m_view->setImages(frame, {});
    translateCurrent();
}

void VideoPanel::translateCurrent() {
    if (m_frame.isNull() || m_job != 0)
        return; // a running job's result triggers the next one (handleTranslation)
    m_jobFrame = m_frameIndex;
    m_job = m_service->translateImage(m_frame, m_picker->translatorOptions(), m_summary.path);
}

void VideoPanel::retranslateFrame() {
    m_jobFrame = -1; // a result still in flight was made with the old model: not shown
    translateCurrent();
}

void VideoPanel::handleTranslation(const TranslationResult &result) {
    if (m_job == 0 || result.id != m_job)
        return; // an image of the page, or a stale request
    m_job = 0;
    if (m_jobFrame != m_frameIndex || m_frame.isNull()) {
        translateCurrent();
        return;
    }
    if (!result.ok()) {
        m_status->setText(tr("Failed"));
        emit failed(tr("Cannot translate frame %1 of %2")
                        .arg(m_frameIndex)
                        .arg(QFileInfo(m_summary.path).fileName()),
                    result.error);
        return;
    }
    m_view->setImages(m_frame, result.output);
    m_shownFrame = m_frameIndex;
    m_status->setText(tr("Frame %1 in %2 s").arg(m_frameIndex).arg(result.seconds, 0, 'f', 2));
    emit frameShown(m_shownFrame);
}

void VideoPanel::updateFrameLabel() {
    m_frameLabel->setText(
        m_summary.path.isEmpty()
            ? tr("No video")
            : tr("Frame %1 of %2").arg(m_slider->value()).arg(m_summary.frameCount));
}

void VideoPanel::updateButtons() {
    const bool open = !m_summary.path.isEmpty();
    m_exportButton->setEnabled(open && !m_export.isRunning());
    m_cancel->setEnabled(m_export.isRunning());
    m_close->setEnabled(open);
    m_smoothing->setEnabled(!m_export.isRunning());
}

void VideoPanel::chooseExportFile() {
    if (m_summary.path.isEmpty())
        return;
    const QFileInfo input(m_summary.path);
    QSettings settings;
    const QString dir =
        settings.value(QStringLiteral("folders/translateOutput"), input.absolutePath()).toString();
    const QString suggested =
        QDir(dir).filePath(input.completeBaseName() + "_translated." + input.suffix());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export video"), suggested,
        tr("Videos (*.%1);;Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)").arg(input.suffix()));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/translateOutput"), QFileInfo(path).absolutePath());
    exportVideo(path);
}

void VideoPanel::exportVideo(const QString &output) {
    if (m_summary.path.isEmpty() || m_export.isRunning())
        return;
    VideoExportRequest request;
    request.input = m_summary.path;
    request.output = output;
    request.model = m_picker->translatorOptions();
    request.temporalSmoothing = m_smoothing->value();
    if (request.model.model.empty()) {
        emit failed(tr("Choose a model first."), {});
        return;
    }
    m_export.start(request);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Exporting %1\u2026").arg(QFileInfo(output).fileName()));
    updateButtons();
}

void VideoPanel::cancelExport() {
    m_export.cancel();
}

void VideoPanel::handleExportProgress(const VideoExportProgress &p) {
    m_progress->setRange(0, static_cast<int>(qMax<qint64>(1, p.total)));
    m_progress->setValue(static_cast<int>(p.frame));
    m_status->setText(tr("Frame %1 of %2, %3 frames/s, %4 s left")
                          .arg(p.frame)
                          .arg(p.total)
                          .arg(p.framesPerSecond, 0, 'f', 1)
                          .arg(p.etaSeconds, 0, 'f', 0));
}

void VideoPanel::handleExportFinished(const VideoExportOutcome &outcome) {
    m_progress->hide();
    updateButtons();
    if (outcome.cancelled) {
        m_status->setText(tr("Export cancelled; no file was written."));
    } else if (!outcome.error.isEmpty()) {
        m_status->setText(tr("Export failed"));
        emit failed(tr("Cannot export the video %1").arg(QFileInfo(outcome.input).fileName()),
                    outcome.error);
    } else {
        m_status->setText(tr("Wrote %1: %2 frames of %3 \u00d7 %4 at %5 fps (%6; %7) in %8 s")
                              .arg(QDir::toNativeSeparators(outcome.output))
                              .arg(outcome.frames)
                              .arg(outcome.width)
                              .arg(outcome.height)
                              .arg(outcome.fps, 0, 'g', 4)
                              .arg(outcome.codec, outcome.audio)
                              .arg(outcome.seconds, 0, 'f', 1));
    }
    emit exportFinished(outcome);
}

} // namespace cgs::ui
