#include "ui/widgets/mime_image.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/image_gate.h"
#include "ui/widgets/image_convert.h"

#include <QImage>
#include <QMimeData>
#include <QStringList>

namespace cgs::ui {

cgs::Image imageFromMimeData(const QMimeData &mime, const QString &name)
{
    static const QStringList kSupported = {
        QStringLiteral("image/png"),  QStringLiteral("image/x-png"),
        QStringLiteral("image/jpeg"), QStringLiteral("image/jpg"),
        QStringLiteral("image/pjpeg"), QStringLiteral("image/bmp"),
        QStringLiteral("image/x-bmp"), QStringLiteral("image/x-ms-bmp"),
        QStringLiteral("image/tiff"), QStringLiteral("image/x-tiff"),
        QStringLiteral("image/webp")};
    const QStringList offered = mime.formats();
    const std::string label = name.toStdString();
    for (const QString &type : kSupported) {
        if (!offered.contains(type))
            continue;
        const QByteArray bytes = mime.data(type);
        if (bytes.isEmpty())
            throw DatasetError("Cannot read image '" + label + "': offered as " +
                               type.toStdString() + " but empty");
        return cgs::decodeImage(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                static_cast<std::size_t>(bytes.size()), label,
                                cgs::ReadOptions{cgs::Alpha::Keep});
    }
    const QStringList others = offered.filter(QStringLiteral("image/"));
    if (!others.isEmpty())
        throw DatasetError("Cannot read image '" + label + "': offered as " +
                           others.join(QStringLiteral(", ")).toStdString() + "; supported: " +
                           cgs::supportedFormatList());
    // Only an in-process QImage is left (Qt adds "application/x-qt-image" to platform data only
    // next to "image/*" types, handled above): its pixels need no decoder.
    if (mime.hasImage())
        return fromQImage(qvariant_cast<QImage>(mime.imageData()));
    return {};
}

} // namespace cgs::ui
