#include "core/imageio/video_writer.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"
#include "core/imageio/mat_image.h"
#include "core/imageio/file_io.h"
#include "core/imageio/video_file.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>
#include <random>

namespace cgs {
namespace fs = std::filesystem;

struct VideoWriter::Impl {
    cv::VideoWriter writer;
    cv::Mat bgr;
};

std::string temporarySibling(const std::string &path) {
    const fs::path p(path);
    std::random_device random;
    const std::string ext = p.extension().string();
    const std::string name = "." + p.filename().string() + ".part-" +
                             std::to_string(random() % 1000000000u) + ext;
    return (p.parent_path() / name).string();
}

VideoWriter::VideoWriter(const std::string &path, int width, int height, double fps,
                         const VideoCodec &codec)
    : m_impl(std::make_unique<Impl>()), m_path(path), m_temporary(temporarySibling(path)),
      m_codec(codec), m_width(width), m_height(height) {
    if (width <= 0 || height <= 0 || !(fps > 0))
        throw ConfigError("Cannot write video '" + path + "': bad size " + std::to_string(width) +
                          "x" + std::to_string(height) + " or frame rate");
    const auto &f = codec.fourcc;
    bool opened = false;
    try {
        opened = m_impl->writer.open(m_temporary, cv::CAP_FFMPEG,
                                     cv::VideoWriter::fourcc(f[0], f[1], f[2], f[3]), fps,
                                     cv::Size(width, height), true);
    } catch (const cv::Exception &e) {
        discard();
        throw IoError("Cannot write video '" + path + "': " + e.what());
    }
    if (!opened) {
        discard();
        std::error_code ec;
        const fs::path dir = fs::path(path).parent_path();
        const bool dirOk = fs::is_directory(dir.empty() ? fs::path(".") : dir, ec);
        throw IoError("Cannot write video '" + path + "': " +
                      (dirOk ? "OpenCV's FFmpeg back end cannot encode " + codec.name + " into ." +
                                   lowerExtension(path) + " files"
                             : std::string("its folder does not exist")));
    }
}

VideoWriter::~VideoWriter() {
    if (!m_committed)
        discard();
}

void VideoWriter::write(const Image &frame) {
    if (frame.width != m_width || frame.height != m_height)
        throw IoError("Cannot write video '" + m_path + "': frame " + std::to_string(m_frames) +
                      " is " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                      ", the video is " + std::to_string(m_width) + "x" +
                      std::to_string(m_height));
    if (!m_impl->writer.isOpened())
        throw IoError("Cannot write video '" + m_path + "': it is already closed");
    const cv::Mat mat = imageToMat(frame);
    if (mat.channels() == 1)
        cv::cvtColor(mat, m_impl->bgr, cv::COLOR_GRAY2BGR);
    else if (mat.channels() == 4)
        cv::cvtColor(mat, m_impl->bgr, cv::COLOR_BGRA2BGR);
    try {
        m_impl->writer.write(mat.channels() == 3 ? mat : m_impl->bgr);
    } catch (const cv::Exception &e) {
        throw IoError("Cannot write video '" + m_path + "': " + e.what());
    }
    ++m_frames;
}

void VideoWriter::close() {
    if (m_impl->writer.isOpened())
        m_impl->writer.release();
}

void VideoWriter::commit(const std::string &target) {
    close();
    const std::string to = target.empty() ? m_path : target;
    std::error_code ec;
    if (!fs::exists(m_temporary, ec) || fs::file_size(m_temporary, ec) == 0)
        throw IoError("Cannot write video '" + to + "': the encoder wrote nothing");
    syncFile(m_temporary);
    fs::rename(m_temporary, to, ec);
    if (ec)
        throw IoError("Cannot write video '" + to + "': " + ec.message());
    m_committed = true;
}

void VideoWriter::discard() {
    if (m_impl)
        m_impl->writer.release();
    std::error_code ec;
    fs::remove(m_temporary, ec);
}

} // namespace cgs
