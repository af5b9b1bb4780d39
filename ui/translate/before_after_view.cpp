#include "ui/translate/before_after_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace cgs::ui {

BeforeAfterView::BeforeAfterView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 150);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void BeforeAfterView::setImages(const QImage &before, const QImage &after)
{
    m_before = before;
    m_after = after;
    update();
}

void BeforeAfterView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void BeforeAfterView::setMode(Mode mode)
{
    m_mode = mode;
    update();
}

void BeforeAfterView::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.0, 32.0);
    if (m_zoom == 0)
        m_pan = {};
    update();
}

void BeforeAfterView::zoomToFit() { setZoom(0); }

double BeforeAfterView::effectiveScale(const QRectF &area, const QSize &imageSize) const
{
    if (m_zoom > 0)
        return m_zoom;
    if (imageSize.isEmpty())
        return 1;
    return std::min(area.width() / imageSize.width(), area.height() / imageSize.height());
}

QRectF BeforeAfterView::imageRect(const QRectF &area, const QSize &imageSize) const
{
    const double scale = effectiveScale(area, imageSize);
    QSizeF size(imageSize.width() * scale, imageSize.height() * scale);
    QRectF rect(QPointF(0, 0), size);
    rect.moveCenter(area.center() + m_pan);
    return rect;
}

void BeforeAfterView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom == 0 || m_zoom < 2);
    if (m_before.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         m_placeholder);
        return;
    }
    if (m_mode == Mode::SideBySide) {
        const QRectF left(0, 0, width() / 2.0 - 2, height());
        const QRectF right(width() / 2.0 + 2, 0, width() / 2.0 - 2, height());
        painter.save();
        painter.setClipRect(left);
        painter.drawImage(imageRect(left, m_before.size()), m_before);
        painter.restore();
        painter.setClipRect(right);
        if (!m_after.isNull())
            painter.drawImage(imageRect(right, m_after.size()), m_after);
        return;
    }
    const QRectF target = imageRect(QRectF(rect()), m_before.size());
    const double splitX = target.left() + m_split * target.width();
    if (!m_after.isNull())
        painter.drawImage(target, m_after);
    painter.save();
    painter.setClipRect(QRectF(target.left(), target.top(), splitX - target.left(), target.height()));
    painter.drawImage(target, m_before);
    painter.restore();
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(QPointF(splitX, target.top()), QPointF(splitX, target.bottom()));
}

void BeforeAfterView::wheelEvent(QWheelEvent *event)
{
    const QSize size = m_before.size();
    const QRectF area = m_mode == Mode::SideBySide ? QRectF(0, 0, width() / 2.0, height())
                                                   : QRectF(rect());
    const double current = effectiveScale(area, size);
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    m_zoom = std::clamp(current * factor, 0.02, 32.0);
    m_pan *= m_zoom / current;
    update();
    event->accept();
}

void BeforeAfterView::mousePressEvent(QMouseEvent *event)
{
    m_lastMouse = event->pos();
    if (m_mode == Mode::Split && !m_before.isNull()) {
        const QRectF target = imageRect(QRectF(rect()), m_before.size());
        const double splitX = target.left() + m_split * target.width();
        if (std::abs(event->position().x() - splitX) < 8) {
            m_draggingSplit = true;
            return;
        }
    }
    m_panning = true;
}

void BeforeAfterView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_draggingSplit && !m_before.isNull()) {
        const QRectF target = imageRect(QRectF(rect()), m_before.size());
        m_split = std::clamp((event->position().x() - target.left()) / target.width(), 0.0, 1.0);
        update();
    } else if (m_panning) {
        m_pan += event->pos() - m_lastMouse;
        m_lastMouse = event->pos();
        update();
    }
}

void BeforeAfterView::mouseReleaseEvent(QMouseEvent *)
{
    m_draggingSplit = false;
    m_panning = false;
}

void BeforeAfterView::mouseDoubleClickEvent(QMouseEvent *) { zoomToFit(); }

} // namespace cgs::ui
