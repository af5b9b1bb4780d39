#include "core/imageio/dataset_overview.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/image_header.h"
#include "core/imageio/mat_image.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace cgs {

namespace {

constexpr std::size_t kHeaderBytes = 64 * 1024; // enough for the size of JPEG (after EXIF), PNG, ...

std::string fileName(const std::string &path)
{
    return std::filesystem::path(path).filename().string();
}

std::string folderName(const std::string &folder)
{
    std::filesystem::path p(folder);
    if (p.filename().empty())
        p = p.parent_path();
    return p.filename().string();
}

// The size a file's header declares, or an exception with the cause.
ImageSize readSize(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DatasetError("cannot open file");
    std::vector<std::uint8_t> head(kHeaderBytes);
    in.read(reinterpret_cast<char *>(head.data()), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    if (head.empty())
        throw DatasetError("file is empty (0 bytes)");
    const ImageHeader header = probeImageHeader(head.data(), head.size());
    if (header.format == ImageFormat::Unknown)
        throw DatasetError("not an image in a supported format");
    if (header.hasSize()) {
        const bool turned = header.orientation >= 5; // EXIF 5..8 swap the sides
        return turned ? ImageSize{int(header.height), int(header.width)}
                      : ImageSize{int(header.width), int(header.height)};
    }
    const Image image = readImage(path); // the size is further in: decode (throws with the cause)
    return {image.width, image.height};
}

bool isGrey(const Image &image)
{
    if (image.channels < 3)
        return true;
    for (std::size_t i = 0; i + 2 < image.data.size(); i += std::size_t(image.channels))
        if (image.data[i] != image.data[i + 1] || image.data[i] != image.data[i + 2])
            return false;
    return true;
}

Image thumbnail(const Image &image, int side)
{
    const double scale = std::min(1.0, double(side) / std::max(image.width, image.height));
    if (scale >= 1.0)
        return image;
    cv::Mat small;
    cv::resize(imageToMat(image), small,
               cv::Size(std::max(1, int(image.width * scale)), std::max(1, int(image.height * scale))), 0, 0,
               cv::INTER_AREA);
    return matToImage(small);
}

// Indices 0..count-1 spread evenly over n items.
std::vector<std::size_t> spread(std::size_t n, std::size_t count)
{
    std::vector<std::size_t> picks;
    count = std::min(n, count);
    for (std::size_t i = 0; i < count; ++i)
        picks.push_back(i * n / count);
    return picks;
}

void checkCancel(const std::atomic<bool> *cancel)
{
    if (cancel && cancel->load())
        throw Cancelled();
}

DomainOverview scanOne(const TrainOptions &options, Domain domain, const OverviewLimits &limits,
                       const std::atomic<bool> *cancel, std::vector<DatasetWarning> &warnings)
{
    DomainOverview o;
    o.folder = domainFolder(options, domain);
    o.name = folderName(o.folder);
    std::vector<std::string> files;
    std::vector<std::string> leftOut; // no images at all: not counted, listed as unreadable
    try {
        files = scanDomain(options, domain, &leftOut);
    } catch (const DatasetError &e) {
        warnings.push_back({DatasetWarningKind::EmptyDomain, domain, e.what()});
        return o;
    }
    o.imageCount = std::int64_t(files.size());
    o.unreadable = leftOut;
    std::map<std::pair<int, int>, std::int64_t> sizes;
    std::string enlargedExample;
    std::string upscaledExample;
    int upscaledSide = 0;
    std::set<std::size_t> unreadable; // indices into files
    const auto headerPicks = spread(files.size(), std::size_t(std::max<std::int64_t>(0, limits.maxHeaders)));
    for (std::size_t index : headerPicks) {
        checkCancel(cancel);
        try {
            const ImageSize size = readSize(files[index]);
            ++o.headersRead;
            ++sizes[{size.width, size.height}];
            const ImageSize beforeCrop = sizeBeforeCrop(size.width, size.height, options);
            if (beforeCrop.width > 0 && std::min(beforeCrop.width, beforeCrop.height) < options.cropSize) {
                if (o.enlarged++ == 0)
                    enlargedExample = fileName(files[index]) + " (" + std::to_string(size.width) + "x" +
                                      std::to_string(size.height) + ")";
            } else if (beforeCrop.width > 0 && size.width > 0 && size.height > 0) {
                // The resize to --load_size itself enlarges: the crop then sees blown-up pixels.
                const double factor = std::max(double(beforeCrop.width) / size.width,
                                               double(beforeCrop.height) / size.height);
                if (factor > 1.25 && o.upscaled++ == 0) {
                    char text[32];
                    std::snprintf(text, sizeof text, "%.1fx", factor);
                    upscaledExample = fileName(files[index]) + " (" + std::to_string(size.width) +
                                      "x" + std::to_string(size.height) + " -> " +
                                      std::to_string(beforeCrop.width) + "x" +
                                      std::to_string(beforeCrop.height) + ", " + text + ")";
                    upscaledSide = std::min(size.width, size.height);
                }
            }
        } catch (const DatasetError &e) {
            o.unreadable.push_back(files[index] + ": " + e.what());
            unreadable.insert(index);
        }
    }
    for (const auto &[size, count] : sizes)
        o.sizes.push_back({size.first, size.second, count});
    std::stable_sort(o.sizes.begin(), o.sizes.end(),
                     [](const ImageSizeCount &x, const ImageSizeCount &y) { return x.count > y.count; });
    const auto decodePicks = spread(files.size(), std::size_t(std::max<std::int64_t>(0, limits.maxDecoded)));
    const auto thumbPositions = spread(decodePicks.size(), std::size_t(std::max(0, limits.thumbnails)));
    std::string greyExample;
    for (std::size_t position = 0; position < decodePicks.size(); ++position) {
        const std::size_t index = decodePicks[position];
        checkCancel(cancel);
        if (unreadable.count(index))
            continue;
        Image image;
        try {
            image = readImage(files[index]);
        } catch (const DatasetError &e) { // a damaged body behind a good header
            o.unreadable.push_back(files[index] + ": " + e.what());
            unreadable.insert(index);
            continue;
        }
        ++o.decoded;
        if (isGrey(image) && o.grayscale++ == 0)
            greyExample = fileName(files[index]);
        if (std::binary_search(thumbPositions.begin(), thumbPositions.end(), position)) {
            o.thumbnails.push_back(thumbnail(image, limits.thumbnailSide));
            o.thumbnailPaths.push_back(files[index]);
        }
    }
    const std::string where = "'" + o.folder + "'";
    if (!o.unreadable.empty())
        warnings.push_back({DatasetWarningKind::Unreadable, domain,
                            std::to_string(o.unreadable.size()) + " file(s) in " + where +
                                " cannot be read; training leaves them out (the first: " + o.unreadable.front() +
                                ")"});
    if (o.grayscale > 0)
        warnings.push_back({DatasetWarningKind::Grayscale, domain,
                            std::to_string(o.grayscale) + " of " + std::to_string(o.decoded) +
                                " checked images in " + where + " are grayscale (e.g. " + greyExample +
                                "); they train as RGB with R = G = B"});
    if (o.upscaled > 0)
        warnings.push_back({DatasetWarningKind::Upscaled, domain,
                            std::to_string(o.upscaled) + " of " + std::to_string(o.headersRead) +
                                " images in " + where + " are enlarged by the resize to the load "
                                "size (" + std::to_string(options.loadSize) + " px) before the " +
                                "crop (e.g. " + upscaledExample + "): the networks learn blown-up "
                                "pixels; a load size near the images' size (" +
                                std::to_string(upscaledSide) + ") keeps their detail"});
    if (o.enlarged > 0 && o.enlarged == o.headersRead)
        warnings.push_back({DatasetWarningKind::CropLargerThanImages, domain,
                            "The crop (" + std::to_string(options.cropSize) + " px) is larger than every image in " +
                                where + " (e.g. " + enlargedExample +
                                "): the whole training would run on enlarged images; lower the crop size"});
    else if (o.enlarged > 0)
        warnings.push_back({DatasetWarningKind::SmallerThanCrop, domain,
                            std::to_string(o.enlarged) + " of " + std::to_string(o.headersRead) + " images in " +
                                where + " are smaller than the crop (" + std::to_string(options.cropSize) +
                                " px, e.g. " + enlargedExample + "): they are enlarged before cropping"});
    if (options.preprocess == Preprocess::None && o.sizes.size() > 1)
        warnings.push_back({DatasetWarningKind::MixedSizes, domain,
                            where + " has images of " + std::to_string(o.sizes.size()) +
                                " sizes: with --preprocess none each image trains at its own size, so a "
                                "batch size above 1 cannot stack them"});
    return o;
}

} // namespace

std::pair<std::string, std::string> domainNames(const TrainOptions &options)
{
    if (!options.dirA.empty() || !options.dirB.empty())
        return {folderName(domainFolder(options, Domain::A)), folderName(domainFolder(options, Domain::B))};
    // "horse2zebra" -> horse, zebra (the official datasets' names); "maps" -> A, B
    const std::string root = folderName(options.dataroot);
    const auto two = root.find('2');
    if (two != std::string::npos && two > 0 && two + 1 < root.size() && root.find('2', two + 1) == std::string::npos) {
        // "summer2winter_yosemite", "monet2photo_kaggle": the suffix names the collection
        const std::string second = root.substr(two + 1, root.find('_', two + 1) - (two + 1));
        if (!second.empty())
            return {root.substr(0, two), second};
    }
    return {"A", "B"};
}

ImageSize sizeBeforeCrop(int width, int height, const TrainOptions &options)
{
    switch (options.preprocess) {
    case Preprocess::ResizeAndCrop: return {options.loadSize, options.loadSize};
    case Preprocess::Crop: return {width, height};
    case Preprocess::ScaleWidthAndCrop:
        return {options.loadSize, width > 0 ? int(std::int64_t(options.loadSize) * height / width) : 0};
    case Preprocess::ScaleWidth:
    case Preprocess::None: return {0, 0};
    }
    return {0, 0};
}

DatasetOverview overviewDataset(const TrainOptions &options, const OverviewLimits &limits,
                                const std::atomic<bool> *cancel)
{
    DatasetOverview overview;
    overview.a = scanOne(options, Domain::A, limits, cancel, overview.warnings);
    overview.b = scanOne(options, Domain::B, limits, cancel, overview.warnings);
    return overview;
}

} // namespace cgs
