#include "ui/translate/video_frame_reader.h"

#include "core/engine/image.h"
#include "core/imageio/video_reader.h"
#include "ui/widgets/image_convert.h"

#include <QtConcurrent>

#include <atomic>
#include <mutex>

namespace cgs::ui {

// Shared with the pool's jobs, which may outlive a request but never the reader (the destructor
// waits for them).
struct VideoFrameReader::State {
    std::mutex mutex; // guards reader (one job runs at a time, but close() comes from the GUI)
    std::unique_ptr<cgs::VideoReader> reader;
    std::atomic<int> generation{0}; // bumped by open()/close(): older jobs do nothing
    std::atomic<qint64> wantedFrame{-1};
};

VideoFrameReader::VideoFrameReader(QObject *parent)
    : QObject(parent), m_state(std::make_shared<State>()) {
    m_pool.setMaxThreadCount(1);
}

VideoFrameReader::~VideoFrameReader() {
    ++m_state->generation;
    m_pool.clear();
    m_pool.waitForDone();
}

void VideoFrameReader::open(const QString &path) {
    const int generation = ++m_state->generation;
    m_state->wantedFrame = -1;
    std::shared_ptr<State> state = m_state;
    m_pool.start([this, state, generation, path] {
        VideoSummary summary;
        QString error;
        // Boundary of a pool thread: every failure becomes a failed() signal.
        try {
            auto reader = std::make_unique<cgs::VideoReader>(path.toStdString());
            const cgs::VideoInfo &info = reader->info();
            summary = {path, info.width, info.height, info.fps, info.frameCount};
            std::lock_guard<std::mutex> lock(state->mutex);
            if (generation != state->generation)
                return;
            state->reader = std::move(reader);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        // Queued to the GUI thread; dropped by Qt if the reader is gone (the destructor waits
        // for this job, so `this` is valid here).
        QMetaObject::invokeMethod(
            this,
            [this, state, generation, summary, error, path] {
                if (generation != state->generation)
                    return;
                if (error.isEmpty())
                    emit opened(summary);
                else
                    emit failed(path, error);
            },
            Qt::QueuedConnection);
    });
}

void VideoFrameReader::requestFrame(qint64 index) {
    // A job already queued for an older index picks up the newest wish; only when none waits
    // is a new job queued.
    const qint64 previous = m_state->wantedFrame.exchange(index);
    if (previous >= 0)
        return;
    const int generation = m_state->generation;
    std::shared_ptr<State> state = m_state;
    m_pool.start([this, state, generation] {
        // A job of a closed video leaves the wish to the newer job queued after it.
        if (generation != state->generation)
            return;
        const qint64 index = state->wantedFrame.exchange(-1);
        if (index < 0)
            return;
        QImage image;
        QString error, path;
        try {
            std::lock_guard<std::mutex> lock(state->mutex);
            if (!state->reader)
                return;
            path = QString::fromStdString(state->reader->path());
            if (state->reader->position() != index)
                state->reader->seek(index);
            cgs::Image frame;
            if (!state->reader->read(frame))
                throw std::runtime_error("Cannot read video '" + state->reader->path() +
                                         "': frame " + std::to_string(index) +
                                         " could not be decoded");
            image = toQImage(frame);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, state, generation, index, image, error, path] {
                if (generation != state->generation)
                    return;
                if (error.isEmpty())
                    emit frameDecoded(index, image);
                else
                    emit failed(path, error);
            },
            Qt::QueuedConnection);
    });
}

void VideoFrameReader::close() {
    ++m_state->generation;
    m_state->wantedFrame = -1;
    std::shared_ptr<State> state = m_state;
    m_pool.start([state] {
        std::lock_guard<std::mutex> lock(state->mutex);
        state->reader.reset();
    });
}

} // namespace cgs::ui
