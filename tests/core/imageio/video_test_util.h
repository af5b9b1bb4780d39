#pragma once

// Test clips made with OpenCV's own cv::VideoWriter (not the code under test): a smooth
// synthetic "photo" panned slowly, optionally with a hard cut to another photo half-way.

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace cgs::test {

// A smooth BGR image: random 6 x 10 colours upsampled bicubically.
inline cv::Mat smoothPhoto(int seed, int width, int height) {
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    cv::Mat small(6, 10, CV_8UC3);
    rng.fill(small, cv::RNG::UNIFORM, 0, 256);
    cv::Mat photo;
    cv::resize(small, photo, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
    return photo;
}

// `frames` frames of width x height: a crop of a wider photo moving `step` pixels per frame;
// with cutAt > 0 the frames from cutAt on come from another photo.
inline std::vector<cv::Mat> panningFrames(int frames, int width, int height, int step = 2,
                                          int cutAt = -1) {
    const cv::Mat a = smoothPhoto(1, width + frames * step, height);
    const cv::Mat b = smoothPhoto(2, width + frames * step, height);
    std::vector<cv::Mat> out;
    for (int i = 0; i < frames; ++i)
        out.push_back(((cutAt > 0 && i >= cutAt) ? b : a)(cv::Rect(i * step, 0, width, height))
                          .clone());
    return out;
}

// Writes the frames with the FFmpeg back end; fourcc "FFV1" gives a lossless clip.
inline void writeClip(const std::string &path, const std::vector<cv::Mat> &frames, double fps,
                      const char *fourcc = "FFV1") {
    cv::VideoWriter w(path, cv::CAP_FFMPEG,
                      cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]), fps,
                      frames.at(0).size());
    if (!w.isOpened())
        throw std::runtime_error("cannot write test clip " + path);
    for (const cv::Mat &f : frames)
        w.write(f);
}

// All frames of a video as BGR mats, with its frame rate.
inline std::vector<cv::Mat> readClip(const std::string &path, double *fps = nullptr) {
    cv::VideoCapture c(path, cv::CAP_FFMPEG);
    if (fps)
        *fps = c.get(cv::CAP_PROP_FPS);
    std::vector<cv::Mat> frames;
    for (cv::Mat f; c.read(f);)
        frames.push_back(f.clone());
    return frames;
}

inline bool sameMat(const cv::Mat &a, const cv::Mat &b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace cgs::test
