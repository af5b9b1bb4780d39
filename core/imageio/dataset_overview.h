#pragma once

#include "core/engine/image.h"
#include "core/engine/train/train_options.h"
#include "core/imageio/dataset_scan.h"
#include "core/imageio/preprocess.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cgs {

// What is in a dataset before training on it: counts, sample thumbnails, the size
// distribution and the problems the training would meet or hide. Usage:
//
//   cgs::DatasetOverview o = cgs::overviewDataset(options);   // blocks: reads headers, decodes samples
//   for (const auto &w : o.warnings) std::cout << w.message << "\n";
//
// Headers (size) are read for every image up to limits.maxHeaders per domain; pixels are
// decoded for up to limits.maxDecoded images per domain, evenly spread over the sorted list
// (grayscale is judged on those). Thread safety: a pure function (reads the file system);
// between files, throws Cancelled once *cancel is true.

enum class DatasetWarningKind {
    EmptyDomain,      // the folder is missing or has no images (the message says which)
    Unreadable,       // files that are not images, damaged or cut short
    Grayscale,        // images with R = G = B (they train as RGB)
    SmallerThanCrop,  // some images end below the crop before cropping: they are enlarged
    CropLargerThanImages, // every image does: the whole training runs on enlarged images
    Upscaled,         // the resize before the crop (--load_size) enlarges images by over 1.25x
    MixedSizes,       // --preprocess none with images of several sizes (a batch needs one size)
};

struct DatasetWarning {
    DatasetWarningKind kind = DatasetWarningKind::Unreadable;
    Domain domain = Domain::A;
    std::string message; // names the folder, the count and an example file
};

struct ImageSizeCount {
    int width = 0;
    int height = 0;
    std::int64_t count = 0;
};

struct DomainOverview {
    std::string folder;           // as domainFolder() gives it
    std::string name;             // the folder's own name ("trainA", "horses")
    std::int64_t imageCount = 0;  // image files found (sub-folders included, max_dataset_size applied)
    std::int64_t headersRead = 0; // files whose size was read
    std::int64_t decoded = 0;     // files decoded (for thumbnails and the grayscale check)
    std::vector<ImageSizeCount> sizes; // of the headers read, most frequent first
    std::vector<Image> thumbnails;     // up to limits.thumbnails, longest side limits.thumbnailSide
    std::vector<std::string> thumbnailPaths;
    std::vector<std::string> unreadable; // "<path>: <cause>"
    std::int64_t grayscale = 0;          // among the decoded
    std::int64_t enlarged = 0;           // among the headers read: smaller than the crop
    std::int64_t upscaled = 0;           // among the headers read: enlarged > 1.25x by the
                                         // resize before the crop (not counted in enlarged)
};

struct DatasetOverview {
    DomainOverview a, b;
    std::vector<DatasetWarning> warnings;
    const DomainOverview &domain(Domain d) const { return d == Domain::A ? a : b; }
};

struct OverviewLimits {
    int thumbnails = 8;
    int thumbnailSide = 96;
    std::int64_t maxHeaders = 5000;
    std::int64_t maxDecoded = 64;
};

// The overview of the two domains that `options` names (dataroot/phase or dirA/dirB), judged
// against its preprocess, load and crop sizes. A missing or empty folder is an EmptyDomain
// warning, not an exception. Throws only Cancelled.
DatasetOverview overviewDataset(const TrainOptions &options, const OverviewLimits &limits = {},
                                const std::atomic<bool> *cancel = nullptr);

// Names for the two domains, for labels ("horse -> zebra" instead of "A -> B"): the folder names
// of dirA / dirB when set, else the two halves of a dataroot named like the official datasets
// ("horse2zebra" -> "horse", "zebra"; a suffix after '_' names the collection and is dropped:
// "summer2winter_yosemite" -> "summer", "winter"), else "A" and "B". Does not touch the file system.
std::pair<std::string, std::string> domainNames(const TrainOptions &options);

// The side lengths an image of width x height has just before the crop of `options` (crop
// modes), or {0, 0} for the modes without a crop (none, scale_width).
ImageSize sizeBeforeCrop(int width, int height, const TrainOptions &options);

} // namespace cgs
