#include "ui/widgets/image_tile.h"

#include <QDialog>
#include <QMouseEvent>
#include <QScrollArea>
#include <QVBoxLayout>

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
    const QSize target = size().boundedTo(QSize(m_tileSize * 3, m_tileSize * 3)) - QSize(4, 4);
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
