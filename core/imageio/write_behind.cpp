#include "core/imageio/write_behind.h"

namespace cgs {

WriteBehind::WriteBehind(VideoWriter &writer, int behind)
    : m_writer(writer), m_queue(static_cast<std::size_t>(behind > 0 ? behind : 1)) {
    m_thread = std::thread([this] { encode(); });
}

WriteBehind::~WriteBehind() {
    m_queue.abandon();
    if (m_thread.joinable())
        m_thread.join();
}

void WriteBehind::push(Image frame) {
    rethrowError();
    if (!m_queue.push(std::move(frame)))
        rethrowError();
}

void WriteBehind::finish() {
    m_queue.close();
    if (m_thread.joinable())
        m_thread.join();
    rethrowError();
}

void WriteBehind::rethrowError() {
    std::lock_guard<std::mutex> lock(m_errorMutex);
    if (m_error)
        std::rethrow_exception(m_error);
}

void WriteBehind::encode() {
    // Thread boundary: the error is kept for push() / finish() on the producer's thread.
    try {
        Image frame;
        while (m_queue.pop(frame))
            m_writer.write(frame);
    } catch (...) {
        std::lock_guard<std::mutex> lock(m_errorMutex);
        m_error = std::current_exception();
        m_queue.abandon();
    }
}

} // namespace cgs
