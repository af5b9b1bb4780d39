#pragma once

#include "core/imageio/image_header.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cgs {

// The one gate in front of every image decoder. OpenCV's cv::imdecode chooses its
// decoder by sniffing the bytes, not by our list of formats: 128 zero bytes and "DICM" select
// GDCM's DICOM reader, whose internal assertion calls abort(), and other sniffed formats (PPM,
// Sun raster, HDR, PFM, JPEG 2000, OpenEXR, NITF/DTED via GDAL) would be decoded without our
// header checks. decodeImage (and so readImage, every dataset, translation, batch export and
// the studio's previews, thumbnails and pasted images) hands bytes to OpenCV only after this
// gate admitted them. Videos are not read yet (a later issue): their containers must pass a gate
// of the same kind (signature and declared size checked before any demuxer or codec runs).
//
// Admits contents whose signature is one of the supported formats (JPEG, PNG, BMP, TIFF, WebP;
// each signature selects the matching OpenCV decoder, whatever follows) and whose header
// declares a size within kMaxImagePixels (image_codec.h). Returns the probed header.
// Throws DatasetError naming `name` and the cause:
//   "Cannot read image '<name>': not an image in a supported format (JPEG, PNG, BMP, TIFF,
//    WebP): looks like DICOM"            (a recognised foreign signature, see foreignFormatName)
//   "...: not an image in a supported format (JPEG, PNG, BMP, TIFF, WebP): unknown content"
//   "...: damaged PNG header (it declares no image size)"
//   "...: image is 40000x40000, above the limit of 268435456 pixels (16384x16384)"
// Never reads past `size`. Thread safety: pure function.
ImageHeader admitEncodedImage(const std::uint8_t *data, std::size_t size, const std::string &name);

// Throws the pixel-limit DatasetError above when width x height exceeds kMaxImagePixels (sides
// up to 2^32 - 1 do not overflow). Also applied to the decoded size.
void checkPixelLimit(const std::string &name, std::int64_t width, std::int64_t height);

// The name of a format the gate refuses, recognised from its signature: "DICOM", "GIF", "PDF",
// "ZIP archive", "JPEG 2000", "PPM/PGM/PBM (Netpbm)", "PAM", "PFM", "Radiance HDR", "OpenEXR",
// "Sun raster", "BigTIFF", "NITF", "DTED", "HEIF/AVIF", "JPEG XL", "Photoshop PSD", "SVG/XML",
// "gzip", "RIFF (not WebP)", "ICO", "QOI", "Matroska/WebM video", "MP4/QuickTime video"...;
// "" when the content matches none of them. Pure function.
std::string foreignFormatName(const std::uint8_t *data, std::size_t size);

// "JPEG, PNG, BMP, TIFF, WebP": the formats the gate admits, for messages and documentation.
const char *supportedFormatList();

} // namespace cgs
