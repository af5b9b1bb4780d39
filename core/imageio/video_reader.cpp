#include "core/imageio/video_reader.h"

#include "core/engine/error.h"
#include "core/imageio/mat_image.h"
#include "core/imageio/video_file.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>

namespace cgs {

struct VideoReader::Impl {
    cv::VideoCapture capture;
    cv::Mat mat;
};

namespace {

std::string fourccText(double value) {
    const auto code = static_cast<std::uint32_t>(value);
    std::string text;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((code >> (8 * i)) & 0xff);
        if (c < 32 || c > 126)
            return {};
        text += c;
    }
    return text;
}

} // namespace

VideoReader::VideoReader(const std::string &path) : m_impl(std::make_unique<Impl>()), m_path(path) {
    checkVideoSignature(path);
    const std::string prefix = "Cannot read video '" + path + "': ";
    try {
        m_impl->capture.open(path, cv::CAP_FFMPEG);
    } catch (const cv::Exception &e) {
        throw DatasetError(prefix + e.what());
    }
    if (!m_impl->capture.isOpened())
        throw DatasetError(prefix + "FFmpeg cannot open it (damaged, truncated or an unsupported "
                                    "codec)");
    auto &c = m_impl->capture;
    m_info.width = static_cast<int>(c.get(cv::CAP_PROP_FRAME_WIDTH));
    m_info.height = static_cast<int>(c.get(cv::CAP_PROP_FRAME_HEIGHT));
    m_info.fps = c.get(cv::CAP_PROP_FPS);
    m_info.frameCount = std::max<std::int64_t>(0, std::llround(c.get(cv::CAP_PROP_FRAME_COUNT)));
    m_info.fourcc = fourccText(c.get(cv::CAP_PROP_FOURCC));
    if (m_info.width <= 0 || m_info.height <= 0)
        throw DatasetError(prefix + "it has no video stream");
    if (!(m_info.fps > 0 && std::isfinite(m_info.fps)))
        throw DatasetError(prefix + "its frame rate is unknown");
}

VideoReader::~VideoReader() = default;

bool VideoReader::read(Image &frame) {
    bool ok = false;
    try {
        ok = m_impl->capture.read(m_impl->mat) && !m_impl->mat.empty();
    } catch (const cv::Exception &e) {
        throw DatasetError("Cannot read video '" + m_path + "': frame " +
                           std::to_string(m_position) + ": " + e.what());
    }
    if (!ok) {
        const std::int64_t missing = m_info.frameCount - m_position;
        if (missing > std::max<std::int64_t>(1, m_info.frameCount / 50))
            throw DatasetError("Cannot read video '" + m_path + "': it ends after " +
                               std::to_string(m_position) + " of " +
                               std::to_string(m_info.frameCount) +
                               " frames (truncated or damaged)");
        return false;
    }
    frame = matToImage(m_impl->mat);
    ++m_position;
    return true;
}

void VideoReader::seek(std::int64_t index) {
    if (index < 0 || index >= m_info.frameCount)
        throw DatasetError("Cannot read video '" + m_path + "': frame " + std::to_string(index) +
                           " is outside its " + std::to_string(m_info.frameCount) + " frames");
    if (index == m_position)
        return;
    // FFmpeg seeks to the key frame before `index`; CAP_PROP_POS_FRAMES then says where the
    // decoder really is, and the frames up to `index` are decoded and dropped.
    if (index < m_position || index - m_position > 16) {
        m_impl->capture.set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(index));
        m_position = std::llround(m_impl->capture.get(cv::CAP_PROP_POS_FRAMES));
        if (m_position > index || m_position < 0) {
            m_impl->capture.set(cv::CAP_PROP_POS_FRAMES, 0.0);
            m_position = 0;
        }
    }
    while (m_position < index) {
        if (!m_impl->capture.grab())
            throw DatasetError("Cannot read video '" + m_path + "': it ends after " +
                               std::to_string(m_position) + " of " +
                               std::to_string(m_info.frameCount) +
                               " frames (truncated or damaged)");
        ++m_position;
    }
}

} // namespace cgs
