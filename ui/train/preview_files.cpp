#include "ui/train/preview_files.h"

#include "core/engine/train/run_folder.h"
#include "core/imageio/image_codec.h"
#include "ui/widgets/image_convert.h"

namespace cgs::ui {

PreviewFrame previewFrameFromFile(const QString &path)
{
    PreviewFrame frame;
    frame.path = path;
    if (const auto position = cgs::RunFolder::previewPosition(path.toStdString())) {
        frame.epoch = position->epoch;
        frame.iteration = position->iteration;
    }
    try {
        frame.grid = toQImage(cgs::readImage(path.toStdString()));
    } catch (const std::exception &) {
        // being replaced, or damaged: the caller skips a null grid
    }
    return frame;
}

} // namespace cgs::ui
