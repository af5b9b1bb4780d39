#pragma once

#include "core/engine/train/train_options.h"

#include <functional>
#include <string>
#include <vector>

namespace cgs {

// Finding the images of a dataset: the official layout <dataroot>/<phase>A and
// <dataroot>/<phase>B, or explicit folders (TrainOptions::dirA / dirB).
//
//   auto files = cgs::scanDomain(options, cgs::Domain::A); // sorted paths, capped
//
// Image files are those isImageFile() accepts (jpg, jpeg, png, bmp, tif, tiff, webp, any case).
// Names starting with '.' (hidden files, macOS "._x.jpg" resource forks) are skipped, as are
// hidden folders. Paths are returned as "<folder>/<relative path>", sorted by byte order (C
// locale), which is the order the official code uses.
// Thread safety: pure functions (they read the file system).

enum class Domain { A, B };
enum class Recursion { TopLevelOnly, IncludeSubfolders };

const char *toString(Domain domain); // "A" or "B"

// The image files in `folder` (and its sub-folders for IncludeSubfolders; symbolic links to
// folders are not followed). May be empty. Throws DatasetError "Folder '<folder>' does not
// exist", "'<folder>' is not a folder" or "Cannot list folder '<folder>': <cause>".
std::vector<std::string> listImageFiles(const std::string &folder,
                                        Recursion recursion = Recursion::TopLevelOnly);

// As listImageFiles, for the files whose path `accept` takes (e.g. images and videos).
std::vector<std::string> listFiles(const std::string &folder, Recursion recursion,
                                   const std::function<bool(const std::string &)> &accept);

// As listImageFiles, and throws DatasetError "Folder '<folder>' has no images (looked for jpg,
// jpeg, png, bmp, tif, tiff, webp)" when it finds none.
std::vector<std::string> requireImageFiles(const std::string &folder,
                                           Recursion recursion = Recursion::TopLevelOnly);

// dirA (dirB) when set, else <dataroot>/<phase>A (B). Does not touch the file system.
std::string domainFolder(const TrainOptions &options, Domain domain);

// Why the file at `path` can never be decoded as an image, judged from its first bytes (it
// cannot be opened, it is empty, its content is no supported image format: "looks like
// HTML/ZIP/..."), as a message naming the file; "" when it may be an image. A damaged image of
// a known format passes here and fails when decoded. Reads at most 4 KB.
std::string unreadableImageCause(const std::string &path);

// The images of one domain as the official make_dataset() sees them: sub-folders included,
// sorted, the first maxDatasetSize kept when maxDatasetSize >= 0; files that
// unreadableImageCause() refuses are left out before counting (so that the steps per epoch
// count images that can be trained on), their messages appended to `leftOut` when given.
// Throws DatasetError as requireImageFiles, and naming the first refused file when no file of
// the folder is left.
std::vector<std::string> scanDomain(const TrainOptions &options, Domain domain,
                                    std::vector<std::string> *leftOut = nullptr);

} // namespace cgs
