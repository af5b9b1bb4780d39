#pragma once

#include "core/engine/image.h"

#include <opencv2/core/mat.hpp>

namespace cgs {

// The only place where cgs::Image and cv::Mat meet. Image holds RGB(A) order, OpenCV BGR(A);
// grey stays grey. Both directions deep-copy: the result owns its pixels and shares nothing
// with the argument. Thread safety: pure functions.

// Image (1, 3 or 4 channels, 8-bit) -> CV_8UC1 / CV_8UC3 (BGR) / CV_8UC4 (BGRA).
// An empty Image gives an empty Mat. Throws std::invalid_argument when channels is not 1, 3
// or 4 or data.size() does not match width * height * channels.
cv::Mat imageToMat(const Image &image);

// CV_8UC1 / CV_8UC3 (BGR) / CV_8UC4 (BGRA), continuous or not -> Image in RGB(A) order.
// An empty Mat gives an empty Image. Throws std::invalid_argument for other types.
Image matToImage(const cv::Mat &mat);

} // namespace cgs
