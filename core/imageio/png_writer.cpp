#include "core/imageio/png_writer.h"

namespace cgs {

void PngWriter::write(const std::string &path, const Image &image) {
    writeImage(path, image, m_options);
}

} // namespace cgs
