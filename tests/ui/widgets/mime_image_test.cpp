// Pasted and dropped images go through the core's format gate, not Qt's image readers.
#include "ui/widgets/mime_image.h"

#include "core/engine/error.h"
#include "tests/core/imageio/foreign_images.h"
#include "ui/translate/translate_page.h"
#include "ui/widgets/error_banner.h"

#include <QBuffer>
#include <QImage>
#include <QMimeData>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(image.save(&buffer, format));
    return bytes;
}

std::string refusal(const QMimeData &mime)
{
    try {
        imageFromMimeData(mime, QStringLiteral("Pasted image"));
    } catch (const cgs::DatasetError &e) {
        return e.what();
    }
    ADD_FAILURE() << "no DatasetError";
    return {};
}

TEST(MimeImage, PngBytesAreDecodedByTheCore)
{
    QImage image(6, 4, QImage::Format_RGB888);
    image.fill(QColor(10, 20, 30));
    QMimeData mime;
    mime.setData(QStringLiteral("image/png"), encoded(image, "PNG"));
    const cgs::Image decoded = imageFromMimeData(mime, QStringLiteral("Pasted image"));
    EXPECT_EQ(decoded.width, 6);
    EXPECT_EQ(decoded.height, 4);
    EXPECT_EQ(decoded.pixel(0, 0)[2], 30);
}

TEST(MimeImage, ForeignBytesUnderASupportedTypeAreRefusedByTheGate)
{
    for (const auto &foreign : test::foreignImages()) {
        SCOPED_TRACE(foreign.label);
        QMimeData mime;
        mime.setData(QStringLiteral("image/png"),
                     QByteArray(foreign.bytes.data(), static_cast<int>(foreign.bytes.size())));
        EXPECT_EQ(refusal(mime),
                  "Cannot read image 'Pasted image': not an image in a supported format (JPEG, "
                  "PNG, BMP, TIFF, WebP): " +
                      (foreign.looksLike.empty() ? std::string("unknown content")
                                                 : "looks like " + foreign.looksLike));
    }
}

TEST(MimeImage, OtherImageTypesAreRefusedWithoutDecoding)
{
    QMimeData mime;
    mime.setData(QStringLiteral("image/gif"), QByteArray("GIF89a\x01\0\x01\0\0\0\0;", 13));
    EXPECT_EQ(refusal(mime), "Cannot read image 'Pasted image': offered as image/gif; supported: "
                             "JPEG, PNG, BMP, TIFF, WebP");
}

TEST(MimeImage, InProcessImageNeedsNoDecoderAndTextIsNoImage)
{
    QImage image(3, 2, QImage::Format_RGB888);
    image.fill(Qt::red);
    QMimeData withImage;
    withImage.setImageData(image);
    EXPECT_EQ(imageFromMimeData(withImage, QStringLiteral("x")).width, 3);
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    EXPECT_TRUE(imageFromMimeData(text, QStringLiteral("x")).empty());
}

TEST(MimeImage, TranslatePageReportsARefusedPasteInItsBanner)
{
    TranslatePage page;
    QMimeData mime;
    const std::string dicom = test::dicomTrigger();
    mime.setData(QStringLiteral("image/png"),
                 QByteArray(dicom.data(), static_cast<int>(dicom.size())));
    EXPECT_TRUE(page.addMimeImage(mime, QStringLiteral("Pasted image")));
    EXPECT_EQ(page.entryCount(), 0);
    EXPECT_TRUE(page.banner()->detail().contains(QStringLiteral("looks like DICOM")))
        << page.banner()->detail().toStdString();
}

} // namespace
} // namespace cgs::ui
