#pragma once

#include "core/engine/unpaired_source.h"
#include "core/imageio/image_codec.h"

#include <string>

namespace cgs {

// Writes the trainer's preview grids as PNG (atomically, see writeImage). Give one to the
// trainer so previews are PNG rather than its fallback PPM.
// Thread safety: write() may be called from any thread; the writer holds no mutable state.
class PngWriter : public ImageWriter {
public:
    explicit PngWriter(int compression = 3) { m_options.pngCompression = compression; }

    std::string extension() const override { return ".png"; }

    // Throws IoError naming the path and the cause.
    void write(const std::string &path, const Image &image) override;

private:
    WriteOptions m_options;
};

} // namespace cgs
