#include "ui/compare/tile_viewer.h"

#include "ui/compare/compare_grid.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cgs::ui {

TileViewer::TileViewer(const CompareGrid *grid, int row, int column, QWidget *parent)
    : QDialog(parent), m_grid(grid), m_image(new QLabel), m_caption(new QLabel),
      m_previous(new QPushButton(tr("\u25c0 Previous column"))),
      m_next(new QPushButton(tr("Next column \u25b6")))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(256, 256);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("\u2190 \u2192 columns, \u2191 \u2193 inputs")));
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_image, 1);
    layout->addLayout(buttons);
    connect(m_previous, &QPushButton::clicked, this, [this] { showTile(m_row, m_column - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showTile(m_row, m_column + 1); });
    resize(720, 720);
    showTile(row, column);
}

void TileViewer::showTile(int row, int column)
{
    if (row < 0 || row >= m_grid->rowCount() || column < -1 ||
        column >= m_grid->modelColumnCount())
        return;
    m_row = row;
    m_column = column;
    m_previous->setEnabled(column > -1);
    m_next->setEnabled(column + 1 < m_grid->modelColumnCount());
    m_caption->setText(caption());
    setWindowTitle(caption().section(QLatin1Char('\n'), 0, 0));
    updateImage();
}

QString TileViewer::caption() const
{
    const QString what = m_column < 0 ? tr("Input") : m_grid->columnToolTip(m_column).isEmpty()
                                                          ? m_grid->modelHeader(m_column)
                                                          : m_grid->columnToolTip(m_column);
    return tr("%1\nInput %2 of %3").arg(what).arg(m_row + 1).arg(m_grid->rowCount());
}

void TileViewer::updateImage()
{
    const QImage image = m_grid->tileImage(m_row, m_column);
    if (image.isNull()) {
        m_image->setPixmap({});
        m_image->setText(tr("Not translated (yet)"));
        return;
    }
    const QSize room = m_image->size();
    // Small images are enlarged without smoothing, so that their pixels stay visible.
    const bool small = image.width() * 2 <= room.width() && image.height() * 2 <= room.height();
    m_image->setPixmap(QPixmap::fromImage(image.scaled(
        room, Qt::KeepAspectRatio, small ? Qt::FastTransformation : Qt::SmoothTransformation)));
}

void TileViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        showTile(m_row, m_column - 1);
        return;
    case Qt::Key_Right:
        showTile(m_row, m_column + 1);
        return;
    case Qt::Key_Up:
        showTile(m_row - 1, m_column);
        return;
    case Qt::Key_Down:
        showTile(m_row + 1, m_column);
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

void TileViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    updateImage();
}

} // namespace cgs::ui
