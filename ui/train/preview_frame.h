#pragma once

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cgs::ui {

// A preview grid as it crosses from the training thread to the GUI: deep-copied QImages,
// named in grid order (real_A, fake_B, rec_A[, idt_B], real_B, fake_A, rec_B[, idt_A]).
struct PreviewFrame {
    qint64 iteration = 0;
    int epoch = 0;
    QStringList names;
    QVector<QImage> images;
    QImage grid;
    QString path; // where the trainer saved the grid ("" if it did not)
};

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::PreviewFrame)
