#pragma once

#include "core/engine/image.h"

#include <QImage>

namespace cgs::ui {

// The one place where cgs::Image and QImage meet (as tensors meet Images in image_tensor). Both deep
// copy, so the result owns its memory and may cross threads.

// Grey -> Format_Grayscale8, RGB -> Format_RGB888, RGBA -> Format_RGBA8888.
// An empty image gives a null QImage.
QImage toQImage(const cgs::Image &image);

// Any QImage -> RGB (or RGBA when it has an alpha channel), rows top to bottom.
cgs::Image fromQImage(const QImage &image);

} // namespace cgs::ui
