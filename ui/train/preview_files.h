#pragma once

#include "ui/train/preview_frame.h"

#include <QString>

namespace cgs::ui {

// A preview grid saved by the trainer (cgs::RunFolder previews/), as a frame for the
// PreviewPanel: the whole grid (no separate tiles), its epoch and iteration from the file's
// name. A file that cannot be read gives a frame with a null grid. Any thread.
PreviewFrame previewFrameFromFile(const QString &path);

} // namespace cgs::ui
