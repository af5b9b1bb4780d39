#include "ui/widgets/image_tile.h"

#include <QDialog>
#include <QMouseEvent>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace cgs::ui {

ImageTile::ImageTile(QWidget *parent) : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    setMinimumSize(48, 48);
    setCursor(Qt::PointingHandCursor);
    setFrameShape(QFrame::StyledPanel);
}

void ImageTile::setImage(const QImage &image, const QString &caption)
{
    m_image = image;
    m_caption = caption;
    setToolTip(caption);
    updatePixmap();
}

void ImageTile::setTileSize(int pixels)
{
    m_tileSize = pixels;
    setMinimumSize(pixels / 2, pixels / 2);
    updatePixmap();
}

void ImageTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_image.isNull())
        emit clicked();
    QLabel::mouseReleaseEvent(event);
}

void ImageTile::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updatePixmap();
}

void ImageTile::updatePixmap()
{
    if (m_image.isNull()) {
        setPixmap({});
        return;
    }
    // Up to three times the tile size, or three times the image's own size when that is larger
    // (a saved preview grid is several images wide: it may fill a large frame).
    const QSize bound(std::max(m_tileSize, m_image.width()) * 3, std::max(m_tileSize, m_image.height()) * 3);
    const QSize target = size().boundedTo(bound) - QSize(4, 4);
    const Qt::TransformationMode mode =
        m_image.width() < target.width() ? Qt::FastTransformation : Qt::SmoothTransformation;
    setPixmap(QPixmap::fromImage(m_image.scaled(target, Qt::KeepAspectRatio, mode)));
}

void showEnlarged(QWidget *parent, const QImage &image, const QString &title)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *label = new QLabel;
    const int factor = qMax(1, 512 / qMax(1, qMax(image.width(), image.height())));
    label->setPixmap(QPixmap::fromImage(
        image.scaled(image.size() * factor, Qt::KeepAspectRatio, Qt::FastTransformation)));
    auto *scroll = new QScrollArea;
    scroll->setWidget(label);
    scroll->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(scroll);
    dialog->resize(qMin(label->sizeHint().width() + 40, 1000),
                   qMin(label->sizeHint().height() + 40, 800));
    dialog->show();
}

} // namespace cgs::ui
