#pragma once

#include "core/engine/translate/translator.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace cgs::ui {

// One video to translate into a new video file ("Export video…" on the Translate page).
struct VideoExportRequest {
    QString input;
    QString output; // its extension picks the container (see cgs::translateVideo)
    cgs::TranslatorOptions model;
    double temporalSmoothing = 0; // cgs::FrameSequenceOptions::smoothing, 0 = off
};

struct VideoExportProgress {
    qint64 frame = 0; // frames written so far
    qint64 total = 0; // frames planned
    double framesPerSecond = 0;
    double etaSeconds = 0;
};

struct VideoExportOutcome {
    QString input;
    QString output;
    qint64 frames = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
    QString codec;
    QString audio; // cgs::describe(AudioOutcome): "audio copied", "no audio track", ...
    QString error; // why it failed (the core's message, naming the file); "" on success
    bool cancelled = false;
    double seconds = 0;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Runs core's cgs::translateVideo (decode ahead, translate, write behind under a hidden
// temporary name renamed when complete) in a QtConcurrent job with its own cgs::Translator, and
// reports throttled progress and the outcome as queued signals on the GUI thread. An error or a
// cancel leaves no output file (the core removes the temporary one). The destructor cancels and
// waits. Use from the GUI thread.
class VideoExportJob : public QObject {
    Q_OBJECT
public:
    explicit VideoExportJob(QObject *parent = nullptr);
    ~VideoExportJob() override;

    // Returns false (and does nothing) while an export runs.
    bool start(const VideoExportRequest &request);
    bool isRunning() const { return m_running; }

public slots:
    void cancel();

signals:
    void progressed(const cgs::ui::VideoExportProgress &progress);
    void finished(const cgs::ui::VideoExportOutcome &outcome);

private:
    static VideoExportOutcome run(const VideoExportRequest &request,
                                  const std::atomic<bool> &cancel,
                                  const std::function<void(const VideoExportProgress &)> &report);

    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    bool m_running = false;
};

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::VideoExportProgress)
Q_DECLARE_METATYPE(cgs::ui::VideoExportOutcome)
