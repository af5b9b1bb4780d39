#include "ui/compare/compare_grid.h"

#include <algorithm>

#include <QApplication>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QPainter>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

namespace cgs::ui {

namespace {
constexpr int kGap = 8;
constexpr int kHeaderHeight = 62;
constexpr int kMaxCell = 512;
} // namespace

CompareGrid::CompareGrid(QWidget *parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this)), m_headerStrip(new QWidget(this))
{
    m_headerStrip->setAutoFillBackground(true);
    m_headerStrip->installEventFilter(this);
    setViewportMargins(0, headerStripHeight(), 0, 0);
    setScene(m_scene);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop); // rows start under the header strip
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHint(QPainter::SmoothPixmapTransform);
    setBackgroundBrush(palette().color(QPalette::Base));
}

QPointF CompareGrid::cellOrigin(int row, int column) const
{
    return {static_cast<qreal>(column * (m_cellSize.width() + kGap)),
            static_cast<qreal>(kHeaderHeight + row * (m_cellSize.height() + kGap))};
}

void CompareGrid::reset(const QStringList &modelHeaders, const QVector<QImage> &inputs,
                        const QString &inputHeader)
{
    m_scene->clear();
    m_headers = modelHeaders;
    m_inputHeader = inputHeader;
    m_sceneHeaders.clear();
    m_inputs = inputs;
    m_cells = QVector<QVector<QImage>>(inputs.size(), QVector<QImage>(modelHeaders.size()));
    int w = 64, h = 64;
    for (const QImage &image : inputs) {
        const QSize s = image.size().boundedTo(QSize(kMaxCell, kMaxCell));
        w = qMax(w, s.width());
        h = qMax(h, s.height());
    }
    m_cellSize = QSize(w, h);
    for (int c = -1; c < modelHeaders.size(); ++c) {
        auto *text = m_scene->addText(QString());
        text->setHtml(headerHtml(c));
        text->setDefaultTextColor(palette().color(QPalette::Text));
        text->setTextWidth(m_cellSize.width());
        text->setPos(cellOrigin(0, c + 1) + QPointF(0, -kHeaderHeight));
        text->setVisible(false); // the view shows the header strip instead
        m_sceneHeaders << text;
    }
    for (int r = 0; r < inputs.size(); ++r)
        setCell(r, -1, inputs[r]);
    // The view shows the cells only: the header strip above the viewport names the columns
    // (the scene's own headers are for renderGrid, which draws them).
    const int columns = static_cast<int>(modelHeaders.size()) + 1;
    const int rows = static_cast<int>(inputs.size());
    const QSizeF cells(columns * (w + kGap) - kGap, std::max(0, rows * (h + kGap) - kGap));
    m_scene->setSceneRect(QRectF(cellOrigin(0, 0), cells).adjusted(-kGap, -kGap, kGap, kGap));
    m_zoom = 1.0;
    applyZoom();
}

void CompareGrid::applyZoom()
{
    const QRectF scene = m_scene->sceneRect();
    const QSize view = viewport()->size();
    if (scene.isEmpty() || view.isEmpty() || m_cellSize.isEmpty())
        return;
    // "Fit": every column when the tiles stay at least kMinTile wide, else the rows fill the
    // height (the columns scroll), and never smaller than kMinTile where the images are.
    const double fitAll = std::min(view.width() / scene.width(), view.height() / scene.height());
    const double fitHeight = view.height() / scene.height();
    double fit = std::max(fitAll, std::min(fitHeight, 1.0));
    fit = std::max(fit, std::min(double(kMinTile) / m_cellSize.width(), 1.0));
    if (fitAll * m_cellSize.width() >= kMinTile)
        fit = fitAll;
    resetTransform();
    scale(fit * m_zoom, fit * m_zoom);
    m_headerStrip->update();
    emit zoomChanged();
}

void CompareGrid::zoomBy(double factor)
{
    m_zoom = std::clamp(m_zoom * factor, 0.1, 16.0);
    applyZoom();
}

void CompareGrid::zoomToFit()
{
    m_zoom = 1.0;
    applyZoom();
}

int CompareGrid::tileWidth() const
{
    return static_cast<int>(m_cellSize.width() * transform().m11() + 0.5);
}

void CompareGrid::setColumnToolTips(const QStringList &tips)
{
    m_tips = tips;
    for (QGraphicsItem *item : m_scene->items())
        if (const QVariant column = item->data(0); column.isValid() && column.toInt() >= 0)
            item->setToolTip(m_tips.value(column.toInt()));
}

bool CompareGrid::showHeaderToolTip(const QPoint &at)
{
    for (int c = -1; c < m_headers.size(); ++c) {
        const QRect rect = headerRect(c).translated(-m_headerStrip->pos());
        if (rect.contains(at)) {
            const QString tip = c < 0 ? m_inputHeader : m_tips.value(c, m_headers.value(c));
            QToolTip::showText(m_headerStrip->mapToGlobal(at), tip, m_headerStrip, rect);
            return true;
        }
    }
    QToolTip::hideText();
    return false;
}

QString CompareGrid::headerHtml(int column) const
{
    // "run / tag" headers show the tag in bold over the run's name, then the column's note.
    const QString header = column < 0 ? m_inputHeader : m_headers.value(column);
    const int split = header.lastIndexOf(QLatin1String(" / "));
    QString html = split < 0 ? QStringLiteral("<b>%1</b>").arg(header.toHtmlEscaped())
                             : QStringLiteral("<b>%1</b><br><small>%2</small>")
                                   .arg(header.mid(split + 3).toHtmlEscaped(),
                                        header.left(split).toHtmlEscaped());
    const QString note = column < 0 ? QString() : m_notes.value(column);
    if (!note.isEmpty())
        html += QStringLiteral("<br><span style=\"color:#1f77b4\">%1</span>").arg(note.toHtmlEscaped());
    return html;
}

void CompareGrid::setColumnNotes(const QStringList &notes)
{
    m_notes = notes;
    for (int i = 1; i < m_sceneHeaders.size(); ++i)
        m_sceneHeaders[i]->setHtml(headerHtml(i - 1));
    // The strip grows by a line for the notes.
    setViewportMargins(0, headerStripHeight(), 0, 0);
    placeHeaderStrip();
    m_headerStrip->update();
}

void CompareGrid::setCell(int row, int column, const QImage &image)
{
    if (row < 0 || row >= m_inputs.size() || column >= m_headers.size() || image.isNull())
        return;
    if (column >= 0)
        m_cells[row][column] = image;
    const QImage shown = image.scaled(m_cellSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    auto *item = m_scene->addPixmap(QPixmap::fromImage(shown));
    item->setTransformationMode(Qt::SmoothTransformation);
    item->setPos(cellOrigin(row, column + 1));
    item->setData(0, column);
    item->setData(1, row);
    item->setToolTip(column < 0 ? m_inputHeader : m_tips.value(column, m_headers.value(column)));
}

void CompareGrid::setCellError(int row, int column, const QString &message)
{
    if (row < 0 || row >= m_inputs.size() || column < 0 || column >= m_headers.size())
        return;
    auto *text = m_scene->addSimpleText(message.left(80));
    text->setBrush(Qt::red);
    text->setPos(cellOrigin(row, column + 1) + QPointF(4, 4));
}

QImage CompareGrid::cell(int row, int column) const
{
    if (row < 0 || row >= m_cells.size() || column < 0 || column >= m_headers.size())
        return {};
    return m_cells[row][column];
}

QImage CompareGrid::tileImage(int row, int column) const
{
    if (column < 0)
        return row >= 0 && row < m_inputs.size() ? m_inputs[row] : QImage();
    return cell(row, column);
}

QImage CompareGrid::renderGrid() const
{
    for (QGraphicsItem *header : m_sceneHeaders)
        header->setVisible(true);
    const QRectF area = m_scene->itemsBoundingRect().adjusted(-kGap, -kGap, kGap, kGap);
    QImage image(area.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    m_scene->render(&painter, QRectF(image.rect()), area);
    for (QGraphicsItem *header : m_sceneHeaders)
        header->setVisible(false);
    return image;
}

// Two lines: the tag in bold over the run's name; a third for the notes when there are any.
int CompareGrid::headerStripHeight() const
{
    const bool notes = std::any_of(m_notes.begin(), m_notes.end(),
                                   [](const QString &note) { return !note.isEmpty(); });
    return (notes ? 3 : 2) * fontMetrics().height() + 6;
}

QRect CompareGrid::headerRect(int column) const
{
    if (m_cellSize.isEmpty() || column < -1 || column >= m_headers.size())
        return {};
    const QPointF origin = cellOrigin(0, column + 1);
    const QPoint left = mapFromScene(origin);
    const QPoint right = mapFromScene(origin + QPointF(m_cellSize.width(), 0));
    const QRect strip = m_headerStrip->geometry();
    const QRect rect(strip.left() + left.x(), strip.top(), right.x() - left.x(), strip.height());
    return rect.intersected(strip);
}

void CompareGrid::paintHeaders()
{
    QPainter painter(m_headerStrip);
    const QPoint offset = -m_headerStrip->pos();
    QFont bold = font();
    bold.setBold(true);
    const int line = fontMetrics().height();
    for (int c = -1; c < m_headers.size(); ++c) {
        const QRect rect = headerRect(c).translated(offset).adjusted(2, 2, -2, -2);
        if (rect.width() <= 4)
            continue;
        const QString header = c < 0 ? m_inputHeader : m_headers[c];
        const int split = header.lastIndexOf(QLatin1String(" / "));
        const QString tag = split < 0 ? header : header.mid(split + 3);
        const QString run = split < 0 ? QString() : header.left(split);
        painter.setFont(bold);
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), Qt::AlignLeft,
                         QFontMetrics(bold).elidedText(tag, Qt::ElideRight, rect.width()));
        painter.setFont(font());
        painter.drawText(QRect(rect.left(), rect.top() + line, rect.width(), line), Qt::AlignLeft,
                         fontMetrics().elidedText(run, Qt::ElideMiddle, rect.width()));
        const QString note = c < 0 ? QString() : m_notes.value(c);
        if (!note.isEmpty()) {
            painter.save();
            painter.setPen(QColor(0x1f, 0x77, 0xb4));
            painter.drawText(QRect(rect.left(), rect.top() + 2 * line, rect.width(), line),
                             Qt::AlignLeft,
                             fontMetrics().elidedText(note, Qt::ElideRight, rect.width()));
            painter.restore();
        }
    }
}

bool CompareGrid::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_headerStrip && event->type() == QEvent::Paint) {
        paintHeaders();
        return true;
    }
    if (watched == m_headerStrip && event->type() == QEvent::ToolTip)
        return showHeaderToolTip(static_cast<QHelpEvent *>(event)->pos());
    return QGraphicsView::eventFilter(watched, event);
}

void CompareGrid::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    setViewportMargins(0, headerStripHeight(), 0, 0);
    placeHeaderStrip();
    applyZoom(); // "fit" follows the view's size
    QTimer::singleShot(0, this, &CompareGrid::placeHeaderStrip); // once the scroll bars settled
}

// Right above the viewport, as wide as it.
void CompareGrid::placeHeaderStrip()
{
    const QRect area = viewport()->geometry();
    m_headerStrip->setGeometry(area.left(), area.top() - headerStripHeight(), area.width(),
                               headerStripHeight());
    m_headerStrip->update();
}

void CompareGrid::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    placeHeaderStrip();
}

void CompareGrid::wheelEvent(QWheelEvent *event)
{
    zoomBy(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void CompareGrid::mousePressEvent(QMouseEvent *event)
{
    m_pressAt = event->pos();
    QGraphicsView::mousePressEvent(event);
}

// A click that did not drag opens the tile (the view pans on a drag).
void CompareGrid::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton ||
        (event->pos() - m_pressAt).manhattanLength() > QApplication::startDragDistance())
        return;
    for (QGraphicsItem *item : items(event->pos()))
        if (item->data(0).isValid() && item->data(1).isValid()) {
            emit cellClicked(item->data(1).toInt(), item->data(0).toInt());
            return;
        }
}

} // namespace cgs::ui
