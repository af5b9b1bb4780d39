#include "ui/train/preview_panel.h"

#include "ui/widgets/image_tile.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

#include <limits>

namespace cgs::ui {

namespace {
// Older previews stay on disk in <run>/previews; memory keeps at most this many bytes of them.
constexpr qint64 kMaxBytes = 192LL * 1024 * 1024;
// Tiles are at least this many pixels square, so that previews never shrink to stamps.
constexpr int kMinTileSide = 128;

qint64 bytesOf(const PreviewFrame &frame)
{
    qint64 bytes = frame.images.isEmpty() ? frame.grid.sizeInBytes() : 0;
    for (const QImage &image : frame.images)
        bytes += image.sizeInBytes();
    return bytes;
}
} // namespace

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent), m_grid(new QGridLayout), m_history(new QSlider(Qt::Horizontal, this)),
      m_caption(new QLabel(this)), m_placeholder(new QLabel(this))
{
    m_history->setRange(0, 0);
    m_history->setEnabled(false);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_caption);
    bottom->addWidget(m_history, 1);
    // The tiles live in a scroll area: where the page has less height than the tiles' minimum
    // (1280x720 with the stop banner shown) they scroll instead of overlapping their captions
    // and the history slider (the 12-06 walk).
    m_tileArea = new QWidget;
    m_tileArea->setLayout(m_grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_tileArea);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
    connect(m_history, &QSlider::valueChanged, this, &PreviewPanel::showFrame);
    retranslateUi();
}

void PreviewPanel::retranslateUi()
{
    m_placeholder->setText(tr("Previews appear here while training: A \u2192 B \u2192 A and "
                              "B \u2192 A \u2192 B for fixed images."));
    m_history->setToolTip(tr("Look back at earlier previews of this run"));
    showFrame(currentIndex());
}

void PreviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

int PreviewPanel::currentIndex() const { return m_frames.isEmpty() ? -1 : m_history->value(); }

QVector<QImage> PreviewPanel::shownImages() const
{
    QVector<QImage> images;
    for (const ImageTile *tile : m_tiles)
        images << tile->image();
    return images;
}

QStringList PreviewPanel::shownHeaders() const
{
    QStringList headers;
    for (const QLabel *header : m_headers)
        headers << header->text();
    return headers;
}

QString PreviewPanel::describe(const QString &name, const DomainNames &names)
{
    // real_X, fake_X, rec_X, idt_X with X in {A, B}; the official visual names.
    const int bar = name.lastIndexOf(QLatin1Char('_'));
    if (bar <= 0 || bar + 2 != name.size() || (name.back() != QLatin1Char('A') && name.back() != QLatin1Char('B')))
        return name;
    const char x = name.back() == QLatin1Char('A') ? 'A' : 'B';
    const QString self = names.of(x), other = names.of(x == 'A' ? 'B' : 'A');
    const QString kind = name.left(bar);
    const QString arrow = QStringLiteral(" \u2192 ");
    QString what;
    if (kind == QLatin1String("real"))
        what = self;                        // an image of domain X
    else if (kind == QLatin1String("fake"))
        what = other + arrow + self;        // fake_B = G_A(real_A)
    else if (kind == QLatin1String("rec"))
        what = self + arrow + other + arrow + self; // rec_A = G_B(G_A(real_A))
    else if (kind == QLatin1String("idt"))
        what = other + arrow + other;       // idt_B = G_B(real_A): G_B should keep an A image
    else
        return name;
    return name + QStringLiteral(": ") + what;
}

void PreviewPanel::setDomainNames(const DomainNames &names)
{
    m_names = names;
    showFrame(currentIndex());
}

void PreviewPanel::addFrame(const PreviewFrame &frame)
{
    const bool atEnd = m_frames.isEmpty() || m_history->value() == m_frames.size() - 1;
    m_frames.append(frame);
    if (!frame.images.isEmpty())
        m_frames.last().grid = QImage(); // the tiles show the images; the grid is on disk
    m_bytes += bytesOf(frame);
    while (m_frames.size() > 1 && m_bytes > kMaxBytes) {
        m_bytes -= bytesOf(m_frames.first());
        m_frames.removeFirst();
    }
    m_history->blockSignals(true);
    m_history->setRange(0, m_frames.size() - 1);
    m_history->setEnabled(m_frames.size() > 1);
    if (atEnd)
        m_history->setValue(m_frames.size() - 1);
    m_history->blockSignals(false);
    showFrame(m_history->value());
}

void PreviewPanel::addHistory(const QVector<PreviewFrame> &frames)
{
    if (frames.isEmpty())
        return;
    const qint64 first = m_frames.isEmpty() ? std::numeric_limits<qint64>::max()
                                            : m_frames.first().iteration;
    QVector<PreviewFrame> older;
    qint64 bytes = 0;
    // The newest of them first, as many as the memory budget takes.
    for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
        if (it->iteration >= first || (it->grid.isNull() && it->images.isEmpty()))
            continue;
        if (m_bytes + bytes + bytesOf(*it) > kMaxBytes && !(older.isEmpty() && m_frames.isEmpty()))
            break;
        bytes += bytesOf(*it);
        older.prepend(*it);
    }
    if (older.isEmpty())
        return;
    const int shown = m_frames.isEmpty() ? -1 : m_history->value();
    m_frames = older + m_frames;
    m_bytes += bytes;
    m_history->blockSignals(true);
    m_history->setRange(0, m_frames.size() - 1);
    m_history->setEnabled(m_frames.size() > 1);
    // Keep showing what was shown (the newest when nothing was).
    m_history->setValue(shown < 0 ? m_frames.size() - 1 : shown + older.size());
    m_history->blockSignals(false);
    showFrame(m_history->value());
}

void PreviewPanel::clear()
{
    m_frames.clear();
    m_bytes = 0;
    m_history->blockSignals(true);
    m_history->setRange(0, 0);
    m_history->setEnabled(false);
    m_history->blockSignals(false);
    rebuildTiles(0, 0);
    m_caption->clear();
    m_placeholder->show();
}

void PreviewPanel::rebuildTiles(int rows, int columns)
{
    if (rows == m_rows && columns == m_columns)
        return;
    qDeleteAll(m_tiles);
    qDeleteAll(m_headers);
    m_tiles.clear();
    m_headers.clear();
    for (int c = 0; c < m_columns; ++c)
        m_grid->setColumnStretch(c, 0);
    m_rows = rows;
    m_columns = columns;
    for (int c = 0; c < columns; ++c)
        m_grid->setColumnStretch(c, 1); // equal columns, whatever their headers' lengths
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            auto *tile = new ImageTile(m_tileArea);
            tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
            tile->setMinimumSize(kMinTileSide, kMinTileSide); // training crops are often 64 px
            m_grid->addWidget(tile, 2 * r + 1, c);
            auto *header = new QLabel(m_tileArea);
            header->setAlignment(Qt::AlignCenter);
            header->setWordWrap(true); // long domain names wrap instead of widening the column
            m_grid->addWidget(header, 2 * r, c);
            connect(tile, &ImageTile::clicked, this,
                    [this, tile] { showEnlarged(this, tile->image(), tile->caption()); });
            m_tiles << tile;
            m_headers << header;
        }
    }
}

void PreviewPanel::showFrame(int index)
{
    if (index < 0 || index >= m_frames.size())
        return;
    if (m_history->value() != index) {
        const QSignalBlocker blocker(m_history);
        m_history->setValue(index);
    }
    const PreviewFrame &frame = m_frames[index];
    if (frame.images.isEmpty()) { // a saved grid: one tile
        rebuildTiles(1, 1);
        m_tiles[0]->setImage(frame.grid, tr("A \u2192 B \u2192 A over B \u2192 A \u2192 B"));
        m_headers[0]->setText(QString());
        m_placeholder->hide();
        m_caption->setText(tr("Iteration %1, epoch %2 (%3 of %4)")
                               .arg(frame.iteration)
                               .arg(frame.epoch)
                               .arg(index + 1)
                               .arg(m_frames.size()));
        return;
    }
    // Rows are the directions: as many as there are real_* images.
    int rows = 0;
    for (const QString &name : frame.names)
        rows += name.startsWith(QLatin1String("real_")) ? 1 : 0;
    rows = qMax(1, rows);
    const int columns = (frame.images.size() + rows - 1) / rows;
    rebuildTiles(rows, columns);
    for (int i = 0; i < m_tiles.size(); ++i) {
        const bool has = i < frame.images.size();
        m_tiles[i]->setImage(has ? frame.images[i] : QImage(), has ? frame.names[i] : QString());
        m_headers[i]->setText(has ? describe(frame.names[i], m_names) : QString());
    }
    m_placeholder->hide();
    m_caption->setText(tr("Iteration %1, epoch %2 (%3 of %4)")
                           .arg(frame.iteration)
                           .arg(frame.epoch)
                           .arg(index + 1)
                           .arg(m_frames.size()));
}

} // namespace cgs::ui
