#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cgs {

// An owned 8-bit image: rows top to bottom, pixels left to right, channels interleaved.
// channels is 1 (grey), 3 (RGB) or 4 (RGBA), always in that order (never BGR).
struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> data; // width * height * channels bytes

    Image() = default;
    Image(int w, int h, int c)
        : width(w), height(h), channels(c), data(static_cast<std::size_t>(w) * h * c) {}

    bool empty() const { return width <= 0 || height <= 0 || data.empty(); }
    std::size_t stride() const { return static_cast<std::size_t>(width) * channels; }
    std::uint8_t *pixel(int x, int y) { return data.data() + y * stride() + x * channels; }
    const std::uint8_t *pixel(int x, int y) const {
        return data.data() + y * stride() + x * channels;
    }
};

} // namespace cgs
