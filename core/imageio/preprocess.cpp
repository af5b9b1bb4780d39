#include "core/imageio/preprocess.h"

#include "core/engine/error.h"
#include "core/imageio/hash_mix.h"
#include "core/imageio/mat_image.h"
#include "core/engine/train/input_side_limit.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace cgs {
namespace {

void checkOptions(const PreprocessOptions &o) {
    if (o.loadSize < 1 || o.cropSize < 1)
        throw ConfigError("load_size (" + std::to_string(o.loadSize) + ") and crop_size (" +
                          std::to_string(o.cropSize) + ") must be positive");
}

bool cropsTo(Preprocess mode) {
    return mode == Preprocess::ResizeAndCrop || mode == Preprocess::Crop ||
           mode == Preprocess::ScaleWidthAndCrop;
}

// int(round(n / 4) * 4) with Python 3's round-half-to-even; at least 4.
int roundToMultipleOf4(int n) {
    int q = n / 4;
    const int r = n % 4;
    if (r > 2 || (r == 2 && q % 2 == 1))
        ++q;
    return std::max(q, 1) * 4;
}

// Enlarges (keeping the aspect ratio) so that both sides reach `minSide`.
ImageSize enlargeTo(ImageSize s, int minSide) {
    if (s.width >= minSide && s.height >= minSide)
        return s;
    const double scale = std::max(double(minSide) / s.width, double(minSide) / s.height);
    s.width = std::max(minSide, int(std::ceil(s.width * scale - 1e-9)));
    s.height = std::max(minSide, int(std::ceil(s.height * scale - 1e-9)));
    return s;
}

// Size after the resize step, before cropping.
ImageSize resizedSize(int width, int height, const PreprocessOptions &o) {
    ImageSize s{width, height};
    switch (o.mode) {
    case Preprocess::ResizeAndCrop:
        s = {o.loadSize, o.loadSize};
        break;
    case Preprocess::ScaleWidth:
    case Preprocess::ScaleWidthAndCrop:
        if (!(width == o.loadSize && height >= o.cropSize)) {
            const auto h = static_cast<std::int64_t>(o.loadSize) * height / width;
            s = {o.loadSize, static_cast<int>(std::max<std::int64_t>(h, o.cropSize))};
        }
        if (o.mode == Preprocess::ScaleWidth)
            s.height = roundToMultipleOf4(s.height);
        break;
    case Preprocess::None:
        s = {roundToMultipleOf4(width), roundToMultipleOf4(height)};
        break;
    case Preprocess::Crop:
        break;
    }
    if (cropsTo(o.mode))
        return enlargeTo(s, o.cropSize);
    if (s.width >= o.minimumSide && s.height >= o.minimumSide)
        return s;
    s = enlargeTo(s, o.minimumSide); // then back to multiples of 4, rounding up
    return {(s.width + 3) / 4 * 4, (s.height + 3) / 4 * 4};
}

struct Placement {
    int x = 0;
    int y = 0;
    bool flip = false;
};

Placement randomPlacement(ImageSize resized, const PreprocessOptions &o, std::uint64_t bits) {
    Placement p;
    if (cropsTo(o.mode)) {
        p.x = int(
            uniformBelow(splitmix64(bits ^ 0x11), std::uint64_t(resized.width - o.cropSize + 1)));
        p.y = int(
            uniformBelow(splitmix64(bits ^ 0x22), std::uint64_t(resized.height - o.cropSize + 1)));
    }
    p.flip = !o.noFlip && (splitmix64(bits ^ 0x33) >> 63) != 0;
    return p;
}

Placement centredPlacement(ImageSize resized, const PreprocessOptions &o) {
    Placement p;
    if (cropsTo(o.mode)) {
        p.x = (resized.width - o.cropSize) / 2;
        p.y = (resized.height - o.cropSize) / 2;
    }
    return p;
}

Image transform(const Image &image, const PreprocessOptions &o, ImageSize resized,
                const Placement &p) {
    cv::Mat mat = imageToMat(image);
    if (mat.cols != resized.width || mat.rows != resized.height) {
        const bool shrinking = resized.width <= mat.cols && resized.height <= mat.rows;
        cv::Mat scaled;
        cv::resize(mat, scaled, cv::Size(resized.width, resized.height), 0, 0,
                   shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
        mat = scaled;
    }
    if (cropsTo(o.mode))
        mat = mat(cv::Rect(p.x, p.y, o.cropSize, o.cropSize));
    if (p.flip) {
        cv::Mat flipped;
        cv::flip(mat, flipped, 1);
        mat = flipped;
    }
    return matToImage(mat);
}

} // namespace

PreprocessOptions PreprocessOptions::fromTrainOptions(const TrainOptions &options) {
    PreprocessOptions o;
    o.mode = options.preprocess;
    o.loadSize = options.loadSize;
    o.cropSize = options.cropSize;
    o.noFlip = options.noFlip;
    o.minimumSide = inputSideLimit(options).minimumSide;
    return o;
}

ImageSize preprocessedSize(int width, int height, const PreprocessOptions &options) {
    checkOptions(options);
    if (width <= 0 || height <= 0)
        return {};
    if (cropsTo(options.mode))
        return {options.cropSize, options.cropSize};
    return resizedSize(width, height, options);
}

Image preprocessImage(const Image &image, const PreprocessOptions &options,
                      std::uint64_t randomBits) {
    checkOptions(options);
    if (image.empty())
        return {};
    const ImageSize resized = resizedSize(image.width, image.height, options);
    return transform(image, options, resized, randomPlacement(resized, options, randomBits));
}

Image preprocessPreview(const Image &image, const PreprocessOptions &options) {
    checkOptions(options);
    if (image.empty())
        return {};
    const ImageSize resized = resizedSize(image.width, image.height, options);
    return transform(image, options, resized, centredPlacement(resized, options));
}

} // namespace cgs
