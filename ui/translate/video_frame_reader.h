#pragma once

#include <QImage>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace cgs::ui {

// What an opened video declares (core VideoInfo as Qt values).
struct VideoSummary {
    QString path;
    int width = 0;
    int height = 0;
    double fps = 0;
    qint64 frameCount = 0;
};

// Opens a video and decodes single frames of it off the GUI thread, for the Translate page's
// frame slider. Decoding is core's cgs::VideoReader (signature gate, FFmpeg back end) on a
// private one-thread pool; frames arrive as RGB QImages through queued signals.
//
//   reader.open(path);                  // -> opened(summary) or failed(path, message)
//   reader.requestFrame(12);            // -> frameDecoded(12, image) or failed(...)
//
// Only the newest frame request counts: requests made while an older one waits are merged
// (the older is dropped, never decoded), so dragging the slider never queues up work.
// open() forgets the previous video; its late results are dropped. The destructor drops queued
// requests and waits for the running one. Use from the GUI thread only.
class VideoFrameReader : public QObject {
    Q_OBJECT
public:
    explicit VideoFrameReader(QObject *parent = nullptr);
    ~VideoFrameReader() override;

    void open(const QString &path);
    // Frame `index` (0-based) of the open video; ignored when no video is open.
    void requestFrame(qint64 index);
    void close();

signals:
    void opened(const cgs::ui::VideoSummary &summary);
    void frameDecoded(qint64 index, const QImage &frame);
    // `message` is the core's, naming the file and the cause.
    void failed(const QString &path, const QString &message);

private:
    struct State;
    QThreadPool m_pool;
    std::shared_ptr<State> m_state;
};

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::VideoSummary)
