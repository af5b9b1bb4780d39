#pragma once

#include <QString>

namespace cgs::ui {

// A file path as the studio shows it: native separators, and "~" for the user's home folder
// ("~/.local/share/cyclegan-studio/models/style_monet.pth"). For display only: never pass the
// result back to the file system.
QString displayPath(const QString &path);

} // namespace cgs::ui
