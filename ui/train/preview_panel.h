#pragma once

#include "ui/train/preview_frame.h"
#include "ui/widgets/domain_names.h"

#include <QVector>
#include <QWidget>

class QGridLayout;
class QLabel;
class QSlider;

namespace cgs::ui {

class ImageTile;

// The live preview grid of a run: real_A -> fake_B -> rec_A (and idt_B) over real_B -> fake_A
// -> rec_B (and idt_A), with a slider to look back at earlier previews. A click enlarges.
// A frame read back from disk (previewFrameFromFile: a saved grid, no separate images) shows
// as one tile with the whole grid.
class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget *parent = nullptr);

    int frameCount() const { return m_frames.size(); }
    int currentIndex() const;
    // The images of the shown frame, in grid order (empty when there is none).
    QVector<QImage> shownImages() const;
    // The headers above them ("fake_B: horse \u2192 zebra").
    QStringList shownHeaders() const;
    // What a preview image shows, in the domains' names: real_A "horse", fake_B "horse \u2192
    // zebra", rec_A "horse \u2192 zebra \u2192 horse", idt_B (G_B on real_A, the official
    // identity image) "horse \u2192 horse"; other names as they are.
    static QString describe(const QString &name, const DomainNames &names);

public slots:
    void addFrame(const cgs::ui::PreviewFrame &frame);
    // Earlier frames (from disk, oldest first): those older than the first frame shown go in
    // front of it, so live frames that arrived meanwhile stay last.
    void addHistory(const QVector<cgs::ui::PreviewFrame> &frames);
    void showFrame(int index);
    // The run's domains (from its options), for the headers; A and B until set.
    void setDomainNames(const cgs::ui::DomainNames &names);
    void clear();
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildTiles(int rows, int columns);

    QVector<PreviewFrame> m_frames;
    DomainNames m_names;
    QVector<ImageTile *> m_tiles;
    QVector<QLabel *> m_headers;
    QGridLayout *m_grid;
    QWidget *m_tileArea = nullptr; // holds m_grid, inside a scroll area
    QSlider *m_history;
    QLabel *m_caption;
    QLabel *m_placeholder;
    qint64 m_bytes = 0; // image memory held by m_frames
    int m_rows = 0;
    int m_columns = 0;
};

} // namespace cgs::ui
