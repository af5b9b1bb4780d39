#include "core/engine/train/preview_grid.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"

#include <algorithm>
#include <cstring>

namespace cgs {

Image previewGrid(const std::vector<std::pair<std::string, Image>> &images, int columns) {
    if (images.empty() || columns <= 0)
        return {};
    constexpr int kGap = 2;
    int cellW = 0, cellH = 0;
    for (const auto &entry : images) {
        cellW = std::max(cellW, entry.second.width);
        cellH = std::max(cellH, entry.second.height);
    }
    const int cols = std::min<int>(columns, static_cast<int>(images.size()));
    const int rows = static_cast<int>((images.size() + cols - 1) / cols);
    Image grid(cols * cellW + (cols - 1) * kGap, rows * cellH + (rows - 1) * kGap, 3);
    std::fill(grid.data.begin(), grid.data.end(), std::uint8_t(255));
    for (size_t i = 0; i < images.size(); ++i) {
        const Image &img = images[i].second;
        const int x0 = static_cast<int>(i % cols) * (cellW + kGap);
        const int y0 = static_cast<int>(i / cols) * (cellH + kGap);
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x)
                for (int c = 0; c < 3; ++c)
                    grid.pixel(x0 + x, y0 + y)[c] = img.pixel(x, y)[std::min(c, img.channels - 1)];
    }
    return grid;
}

void writePpm(const std::string &path, const Image &image) {
    if (image.channels != 3)
        throw IoError("Cannot write '" + path + "': PPM needs an RGB image");
    std::string data = "P6\n" + std::to_string(image.width) + " " + std::to_string(image.height) +
                       "\n255\n";
    data.append(reinterpret_cast<const char *>(image.data.data()), image.data.size());
    writeFileAtomically(path, data);
}

} // namespace cgs
