#include "ui/widgets/image_convert.h"

#include <cstring>

namespace cgs::ui {

QImage toQImage(const cgs::Image &image)
{
    if (image.empty())
        return {};
    QImage::Format format = QImage::Format_RGB888;
    if (image.channels == 1)
        format = QImage::Format_Grayscale8;
    else if (image.channels == 4)
        format = QImage::Format_RGBA8888;
    QImage result(image.width, image.height, format);
    // QImage rows are 32-bit aligned, cgs::Image rows are packed: copy row by row.
    const std::size_t rowBytes = image.stride();
    for (int y = 0; y < image.height; ++y)
        std::memcpy(result.scanLine(y), image.pixel(0, y), rowBytes);
    return result;
}

cgs::Image fromQImage(const QImage &image)
{
    if (image.isNull())
        return {};
    const bool alpha = image.hasAlphaChannel();
    const QImage converted =
        image.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    cgs::Image result(converted.width(), converted.height(), alpha ? 4 : 3);
    const std::size_t rowBytes = result.stride();
    for (int y = 0; y < result.height; ++y)
        std::memcpy(result.pixel(0, y), converted.constScanLine(y), rowBytes);
    return result;
}

} // namespace cgs::ui
