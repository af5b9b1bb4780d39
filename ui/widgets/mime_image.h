#pragma once

#include "core/engine/image.h"

class QMimeData;
class QString;

namespace cgs::ui {

// The image a paste or a drop carries, decoded by the core (cgs::decodeImage, behind the gate
// of core/imageio/image_gate.h), never by Qt's own image readers: QClipboard::image() and
// QMimeData::imageData() hand any "image/*" bytes to whichever Qt plugin claims them (GIF, ICO,
// TGA, SVG, ...), outside the formats and the pixel limit the product guarantees (README).
//
// Takes the encoded bytes of the first offered type among image/png, image/jpeg, image/bmp,
// image/tiff and image/webp (and their aliases); the bytes themselves must then pass the gate,
// whatever the type claims. An image placed by this process (QMimeData::setImageData, formats
// "application/x-qt-image" only) is already pixels and is converted without decoding.
// Returns an empty Image when `mime` holds no image at all.
// Throws DatasetError naming `name` ("Cannot read image 'Pasted image': ...") when the bytes are
// refused or corrupt, or when the only images offered are in other formats ("offered as
// image/gif; supported: JPEG, PNG, BMP, TIFF, WebP").
// Thread safety: GUI thread (QMimeData of the clipboard or a drop).
cgs::Image imageFromMimeData(const QMimeData &mime, const QString &name);

} // namespace cgs::ui
