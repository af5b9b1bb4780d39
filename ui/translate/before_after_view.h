#pragma once

#include <QImage>
#include <QWidget>

namespace cgs::ui {

// Shows an image before and after translation, side by side or as one picture with a split
// line that the user drags. Wheel zooms (around the cursor), dragging pans, double-click fits.
class BeforeAfterView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { SideBySide, Split };
    Q_ENUM(Mode)

    explicit BeforeAfterView(QWidget *parent = nullptr);

    void setImages(const QImage &before, const QImage &after);
    const QImage &before() const { return m_before; }
    const QImage &after() const { return m_after; }
    Mode mode() const { return m_mode; }
    // 0 means "fit to the view".
    double zoom() const { return m_zoom; }
    void setPlaceholderText(const QString &text);

public slots:
    void setMode(cgs::ui::BeforeAfterView::Mode mode);
    void setZoom(double zoom);
    void zoomToFit();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QRectF imageRect(const QRectF &area, const QSize &imageSize) const;
    double effectiveScale(const QRectF &area, const QSize &imageSize) const;

    QImage m_before, m_after;
    QString m_placeholder;
    Mode m_mode = Mode::SideBySide;
    double m_zoom = 0;
    double m_split = 0.5;
    QPointF m_pan;
    QPoint m_lastMouse;
    bool m_draggingSplit = false;
    bool m_panning = false;
};

} // namespace cgs::ui
