#include "core/imageio/mat_image.h"

#include <opencv2/imgproc.hpp>

#include <cstring>
#include <stdexcept>
#include <string>

namespace cgs {

cv::Mat imageToMat(const Image &image) {
    if (image.empty())
        return {};
    if (image.channels != 1 && image.channels != 3 && image.channels != 4)
        throw std::invalid_argument("imageToMat: unsupported channel count " +
                                    std::to_string(image.channels));
    if (image.data.size() != image.stride() * static_cast<std::size_t>(image.height))
        throw std::invalid_argument("imageToMat: data size does not match width x height");
    // A header over Image's bytes (no copy yet); cvtColor / clone below make the owned copy.
    const cv::Mat view(image.height, image.width, CV_8UC(image.channels),
                       const_cast<std::uint8_t *>(image.data.data()), image.stride());
    cv::Mat result;
    if (image.channels == 3)
        cv::cvtColor(view, result, cv::COLOR_RGB2BGR);
    else if (image.channels == 4)
        cv::cvtColor(view, result, cv::COLOR_RGBA2BGRA);
    else
        result = view.clone();
    return result;
}

Image matToImage(const cv::Mat &mat) {
    if (mat.empty())
        return {};
    if (mat.depth() != CV_8U || (mat.channels() != 1 && mat.channels() != 3 && mat.channels() != 4))
        throw std::invalid_argument("matToImage: expected CV_8UC1, CV_8UC3 or CV_8UC4");
    Image image(mat.cols, mat.rows, mat.channels());
    cv::Mat target(image.height, image.width, mat.type(), image.data.data(), image.stride());
    if (mat.channels() == 3)
        cv::cvtColor(mat, target, cv::COLOR_BGR2RGB);
    else if (mat.channels() == 4)
        cv::cvtColor(mat, target, cv::COLOR_BGRA2RGBA);
    else
        mat.copyTo(target);
    // cvtColor/copyTo write into `target` in place because its size and type already match,
    // so image.data now holds the converted pixels.
    return image;
}

} // namespace cgs
