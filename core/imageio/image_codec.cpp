#include "core/imageio/image_codec.h"

#include "core/engine/error.h"
#include "core/engine/atomic_file.h"
#include "core/imageio/file_io.h"
#include "core/imageio/image_gate.h"
#include "core/imageio/image_header.h"
#include "core/imageio/mat_image.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace cgs {
namespace {

[[noreturn]] void failRead(const std::string &name, const std::string &cause) {
    throw DatasetError("Cannot read image '" + name + "': " + cause);
}

// 16-bit and float pixels to 8 bits: 65535 -> 255 and 1.0 -> 255, rounding to nearest.
cv::Mat toEightBit(const cv::Mat &mat, const std::string &name) {
    switch (mat.depth()) {
    case CV_8U:
        return mat;
    case CV_16U: {
        cv::Mat out;
        mat.convertTo(out, CV_8U, 1.0 / 257.0);
        return out;
    }
    case CV_32F:
    case CV_64F: {
        cv::Mat out;
        mat.convertTo(out, CV_8U, 255.0); // saturating: values outside [0, 1] clip
        return out;
    }
    default:
        failRead(name, "unsupported pixel format (signed integer samples)");
    }
}

// Native channels (grey, grey+alpha, BGR, BGRA) -> RGB or RGBA in OpenCV order (BGR/BGRA),
// ready for matToImage.
cv::Mat toColour(const cv::Mat &mat, Alpha alpha) {
    cv::Mat out;
    switch (mat.channels()) {
    case 1:
        cv::cvtColor(mat, out, cv::COLOR_GRAY2BGR);
        break;
    case 2: { // grey + alpha (OpenCV usually expands these itself)
        std::vector<cv::Mat> planes;
        cv::split(mat, planes);
        std::vector<cv::Mat> bgra{planes[0], planes[0], planes[0], planes[1]};
        cv::merge(alpha == Alpha::Keep ? bgra : std::vector<cv::Mat>(bgra.begin(), bgra.end() - 1),
                  out);
        break;
    }
    case 4:
        if (alpha == Alpha::Keep)
            return mat;
        cv::cvtColor(mat, out, cv::COLOR_BGRA2BGR);
        break;
    default:
        return mat;
    }
    return out;
}

// EXIF orientation 2..8 -> the upright image (same mapping as OpenCV's own, which it skips
// for IMREAD_UNCHANGED: the only flag that keeps alpha and 16-bit samples).
cv::Mat applyOrientation(const cv::Mat &mat, int orientation) {
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(mat, out, 1);
        return out;
    case 3:
        cv::flip(mat, out, -1);
        return out;
    case 4:
        cv::flip(mat, out, 0);
        return out;
    case 5:
        cv::transpose(mat, out);
        return out;
    case 6:
        cv::rotate(mat, out, cv::ROTATE_90_CLOCKWISE);
        return out;
    case 7:
        cv::transpose(mat, out);
        cv::flip(out, out, -1);
        return out;
    case 8:
        cv::rotate(mat, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        return out;
    default:
        return mat;
    }
}

// `header` comes from admitEncodedImage: a supported format with a size within the limit.
cv::Mat decodePixels(const std::uint8_t *data, std::size_t size, const std::string &name,
                     const ImageHeader &header) {
    if (header.format == ImageFormat::Jpeg && !jpegHasEndAfterLastScan(data, size))
        failRead(name, "truncated or corrupt JPEG data (the file ends before the image does)");
    if (header.format == ImageFormat::Png && !pngChunksComplete(data, size))
        failRead(name, "truncated or corrupt PNG data (the file ends before the image does)");
    const std::string corrupt = std::string("truncated or corrupt ") + toString(header.format);
    cv::Mat mat;
    try {
        const cv::Mat buffer(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t *>(data));
        mat = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &e) {
        failRead(name, corrupt + " data (" + e.err + ")");
    }
    if (mat.empty())
        failRead(name, corrupt + " data");
    return mat;
}

} // namespace

Image decodeImage(const std::uint8_t *data, std::size_t size, const std::string &name,
                  const ReadOptions &options) {
    if (size == 0)
        failRead(name, "file is empty (0 bytes)");
    if (size > static_cast<std::size_t>(INT32_MAX)) // cv::Mat's int sizes
        failRead(name, "file is larger than 2 GiB");
    // Nothing reaches OpenCV without passing the gate (image_gate.h).
    const ImageHeader header = admitEncodedImage(data, size, name);
    cv::Mat mat = decodePixels(data, size, name, header);
    checkPixelLimit(name, mat.cols, mat.rows);
    mat = toColour(toEightBit(mat, name), options.alpha);
    // libtiff's RGBA reader, which OpenCV uses for 8-bit TIFF, already turns the image upright.
    if (header.format != ImageFormat::Tiff)
        mat = applyOrientation(mat, header.orientation);
    return matToImage(mat);
}

Image readImage(const std::string &path, const ReadOptions &options) {
    const std::vector<std::uint8_t> bytes = readFileBytes(path, "read image");
    return decodeImage(bytes.data(), bytes.size(), path, options);
}

void writeImage(const std::string &path, const Image &image, const WriteOptions &options) {
    const auto fail = [&](const std::string &cause) {
        throw IoError("Cannot write image '" + path + "': " + cause);
    };
    const std::string ext = lowerExtension(path);
    std::vector<int> params;
    if (ext == "png") {
        params = {cv::IMWRITE_PNG_COMPRESSION, std::clamp(options.pngCompression, 0, 9)};
    } else if (ext == "jpg" || ext == "jpeg") {
        params = {cv::IMWRITE_JPEG_QUALITY, std::clamp(options.quality, 1, 100)};
    } else if (ext == "webp") {
        params = {cv::IMWRITE_WEBP_QUALITY, std::clamp(options.quality, 1, 101)};
    } else if (ext.empty()) {
        fail("no file extension to choose the format (use .png, .jpg, .jpeg or .webp)");
    } else {
        fail("unsupported format '." + ext + "' (use .png, .jpg, .jpeg or .webp)");
    }
    if (image.empty())
        fail("the image is empty");
    cv::Mat mat;
    std::vector<std::uint8_t> encoded;
    try {
        mat = imageToMat(image);
        if (ext != "png" && ext != "webp" && mat.channels() == 4)
            cv::cvtColor(mat, mat, cv::COLOR_BGRA2BGR); // JPEG has no alpha
        if (!cv::imencode("." + ext, mat, encoded, params))
            fail("the encoder failed");
    } catch (const cv::Exception &e) {
        fail("the encoder failed (" + e.err + ")");
    } catch (const std::invalid_argument &e) {
        fail(e.what());
    }
    writeFileAtomically(path, encoded.data(), encoded.size(), "write image");
}

bool isImageFile(const std::string &path) {
    static const char *const kExtensions[] = {"jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp"};
    const std::string ext = lowerExtension(path);
    return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                       [&](const char *e) { return ext == e; });
}

const char *imageExtensionList() {
    return "jpg, jpeg, png, bmp, tif, tiff, webp";
}

} // namespace cgs
