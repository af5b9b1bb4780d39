#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace cgs::ui {

class CompareGrid;

// One tile of the Compare grid, large, with its neighbours a key away: Left/Right (or the
// buttons) step through the columns of its row (the input, then each checkpoint), Up/Down
// through the rows (the inputs). The title says which column and row it shows. Non-modal; it
// reads the grid's images when it steps, so that tiles translated meanwhile show.
class TileViewer : public QDialog {
    Q_OBJECT
public:
    TileViewer(const CompareGrid *grid, int row, int column, QWidget *parent = nullptr);

    void showTile(int row, int column); // column -1: the input
    int row() const { return m_row; }
    int column() const { return m_column; }
    QString caption() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateImage();

    const CompareGrid *m_grid;
    int m_row = 0;
    int m_column = -1;
    QLabel *m_image;
    QLabel *m_caption;
    QPushButton *m_previous;
    QPushButton *m_next;
};

} // namespace cgs::ui
