#pragma once

#include <QImage>
#include <QLabel>

namespace cgs::ui {

// A thumbnail of an image with a caption; scales the image to fit, keeps the original for
// enlarging, and reports clicks.
class ImageTile : public QLabel {
    Q_OBJECT
public:
    explicit ImageTile(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &caption);
    const QImage &image() const { return m_image; }
    QString caption() const { return m_caption; }
    void setTileSize(int pixels);

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePixmap();

    QImage m_image;
    QString m_caption;
    int m_tileSize = 128;
};

// Shows one image enlarged in a non-modal dialog (nearest-neighbour for small images, so
// that training crops stay crisp).
void showEnlarged(QWidget *parent, const QImage &image, const QString &title);

} // namespace cgs::ui
