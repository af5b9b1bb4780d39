#pragma once

#include "core/engine/train/train_options.h"

#include <QString>

#include <functional>

namespace cgs::ui::test {

// The demo dataroot (resources/demo/monet2photo); fails the calling test when missing.
QString demoDataroot();

// Options for a tiny, fast CPU run on the demo data: crop 32, ngf/ndf 4, 6 blocks, one data
// thread, previews every 4 images, `epochs` epochs of up to `imagesPerEpoch` steps.
cgs::TrainOptions tinyOptions(const QString &runsDir, const QString &name, int epochs = 1,
                              int imagesPerEpoch = 4);

// Trains a tiny model synchronously (core Trainer, no Qt) and returns its run folder, which
// holds checkpoints/latest and checkpoints/epoch_0001.
QString trainTinyModel(const QString &runsDir, const QString &name = QStringLiteral("tiny"));

// Spins the event loop until `done` returns true or `timeoutMs` passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// Writes a small RGB test image (gradient) of the given size and returns its path.
QString writeTestImage(const QString &dir, const QString &name, int width, int height);

} // namespace cgs::ui::test
