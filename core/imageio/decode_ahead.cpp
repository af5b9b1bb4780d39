#include "core/imageio/decode_ahead.h"

namespace cgs {

DecodeAhead::DecodeAhead(VideoReader &reader, std::int64_t first, std::int64_t end, int ahead)
    : m_reader(reader), m_queue(static_cast<std::size_t>(ahead > 0 ? ahead : 1)) {
    m_thread = std::thread([this, first, end] { decode(first, end); });
}

DecodeAhead::~DecodeAhead() {
    m_queue.abandon();
    m_thread.join();
}

bool DecodeAhead::next(Image &frame) {
    return m_queue.pop(frame);
}

void DecodeAhead::decode(std::int64_t first, std::int64_t end) {
    // Thread boundary: every error goes to the consumer through the queue.
    try {
        if (first > 0)
            m_reader.seek(first);
        Image frame;
        while ((end < 0 || m_reader.position() < end) && m_reader.read(frame))
            if (!m_queue.push(std::move(frame)))
                return;
        m_queue.close();
    } catch (...) {
        m_queue.close(std::current_exception());
    }
}

} // namespace cgs
