// libFuzzer target: cgs::decodeImage, the path every dataset and dropped file goes through
// (header checks, OpenCV decoding, EXIF orientation, conversion to 8-bit RGB(A)). Any input
// must give an image or a cgs::Error; anything else is a finding.
#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    try {
        const cgs::Image image = cgs::decodeImage(data, size, "fuzz");
        if (image.width <= 0 || image.height <= 0 ||
            image.data.size() != static_cast<std::size_t>(image.width) * image.height *
                                      static_cast<std::size_t>(image.channels))
            __builtin_trap(); // a decoded image must be consistent
    } catch (const cgs::Error &) {
    }
    return 0;
}
