#include "core/imageio/batch_size_check.h"

#include "core/engine/error.h"
#include "core/imageio/image_header.h"
#include "core/imageio/preprocess.h"

#include <fstream>

namespace cgs {
namespace {

constexpr std::size_t kHeaderBytes = 256 * 1024; // JPEG EXIF blocks can precede the size

// The size after preprocessing, or width 0 when the header does not tell.
ImageSize sizeAfterPreprocess(const std::string &path, const PreprocessOptions &o) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> head(kHeaderBytes);
    in.read(reinterpret_cast<char *>(head.data()), static_cast<std::streamsize>(head.size()));
    const ImageHeader h = probeImageHeader(head.data(), static_cast<std::size_t>(in.gcount()));
    if (!h.hasSize())
        return {};
    const bool turned = h.orientation >= 5; // EXIF 5..8 swap width and height
    return preprocessedSize(static_cast<int>(turned ? h.height : h.width),
                            static_cast<int>(turned ? h.width : h.height), o);
}

std::string text(const ImageSize &s) {
    return std::to_string(s.width) + "x" + std::to_string(s.height);
}

} // namespace

void requireOneSizePerBatch(const TrainOptions &options, const std::string &domain,
                            const std::vector<std::string> &files) {
    if (options.batchSize <= 1 ||
        (options.preprocess != Preprocess::None && options.preprocess != Preprocess::ScaleWidth))
        return;
    const PreprocessOptions o = PreprocessOptions::fromTrainOptions(options);
    std::string firstPath;
    ImageSize first;
    for (const std::string &path : files) {
        const ImageSize s = sizeAfterPreprocess(path, o);
        if (s.width <= 0)
            continue;
        if (firstPath.empty()) {
            firstPath = path;
            first = s;
        } else if (s.width != first.width || s.height != first.height) {
            throw DatasetError(
                "--batch_size " + std::to_string(options.batchSize) + " stacks images of one " +
                "size, but with --preprocess " + toString(options.preprocess) + " the " +
                domain + " images keep their own sizes: '" + firstPath + "' becomes " +
                text(first) + ", '" + path + "' " + text(s) + ". Use --batch_size 1 (as the " +
                "official code does for this mode) or a cropping --preprocess " +
                "(resize_and_crop, crop, scale_width_and_crop)");
        }
    }
}

} // namespace cgs
