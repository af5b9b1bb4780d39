#pragma once

#include "ui/core_meta_types.h"

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

// Why a run failed, for the inline banner's summary (the core message is the detail).
enum class FailureKind { Config, Dataset, Checkpoint, Device, Numerical, Io, Other };

// Registers the value types that travel through queued signals. Idempotent.
void registerMetaTypes();

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::PreviewFrame)
Q_DECLARE_METATYPE(cgs::ui::FailureKind)
