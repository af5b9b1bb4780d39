#pragma once

#include "core/engine/image.h"

#include <string>
#include <utility>
#include <vector>

namespace cgs {

// Tiles same-size RGB images left to right, `columns` per row, with a 2-pixel white gutter.
Image previewGrid(const std::vector<std::pair<std::string, Image>> &images, int columns);

// Writes a binary PPM (P6) of an RGB image atomically; the engine's own writer when no
// ImageWriter was given. Throws IoError.
void writePpm(const std::string &path, const Image &image);

} // namespace cgs
