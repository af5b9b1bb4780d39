#pragma once

#include <QGraphicsView>
#include <QImage>
#include <QVector>

class QGraphicsTextItem;
class QGraphicsScene;

namespace cgs::ui {

// The comparison grid: one row per input image, the input in the first column, then one column
// per model (checkpoint). Everything lives in one scene shown by one view, so zoom (wheel) and
// pan (drag) are synchronised across all cells by construction.
class CompareGrid : public QGraphicsView {
    Q_OBJECT
public:
    explicit CompareGrid(QWidget *parent = nullptr);

    // Clears the grid and lays out empty cells.
    void reset(const QStringList &modelHeaders, const QVector<QImage> &inputs,
               const QString &inputHeader);
    void setCell(int row, int column, const QImage &image);
    void setCellError(int row, int column, const QString &message);
    // A third header line per model column (e.g. "FID 112.40 ★"), kept across reset().
    void setColumnNotes(const QStringList &notes);
    // The tooltip of each model column's header and tiles (the run, the checkpoint, the
    // direction: the whole label, however narrow the column); kept across reset().
    void setColumnToolTips(const QStringList &tips);
    QString columnToolTip(int column) const { return m_tips.value(column); }

    // Zoom: 1 is "fit" (reset() and a resize choose the scale that shows the tiles as large as
    // the view allows: every column when they are at least kMinTile pixels wide then, else
    // rows filling the height, columns scrolled; never below kMinTile where the images are
    // that large). The wheel and zoomBy() multiply it.
    static constexpr int kMinTile = 160;
    void zoomBy(double factor);
    void zoomToFit();
    double zoom() const { return m_zoom; }
    // A tile's width on screen in pixels, at the current zoom.
    int tileWidth() const;
    QString columnNote(int column) const { return m_notes.value(column); }

    int rowCount() const { return m_inputs.size(); }
    int modelColumnCount() const { return m_headers.size(); }
    QString modelHeader(int column) const { return m_headers.value(column); }
    QImage cell(int row, int column) const;
    // A tile's image at full resolution: the input (column -1) or a model's output (null
    // while not translated).
    QImage tileImage(int row, int column) const;
    // The whole grid as one image (headers included), at the images' own resolution.
    QImage renderGrid() const;
    // The column headers are drawn in a strip above the scrolled area, in the widget's font at
    // any zoom, and stay in view when the grid scrolls. The rectangle of a column's header in
    // this widget's coordinates (column -1: the input column); empty when out of view.
    QRect headerRect(int column) const;
    QWidget *headerStrip() const { return m_headerStrip; }
    // Top-left corner of a cell in scene coordinates (column 0: the inputs, 1.. the models).
    QPointF cellOrigin(int row, int column) const;

signals:
    // A tile was clicked (not dragged): row, and column (-1: the input column).
    void cellClicked(int row, int column);
    void zoomChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void paintHeaders();
    void applyZoom();
    bool showHeaderToolTip(const QPoint &at);
    void placeHeaderStrip();
    int headerStripHeight() const;
    QString headerHtml(int column) const; // column -1: the input column

    QGraphicsScene *m_scene;
    QStringList m_headers;
    QStringList m_notes;
    QStringList m_tips;
    double m_zoom = 1.0;
    QPoint m_pressAt;
    QVector<QImage> m_inputs;
    QVector<QVector<QImage>> m_cells;
    QSize m_cellSize;
    QString m_inputHeader;
    QWidget *m_headerStrip;
    // Input column first; drawn only into renderGrid()'s image.
    QList<QGraphicsTextItem *> m_sceneHeaders;
};

} // namespace cgs::ui
