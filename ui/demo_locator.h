#pragma once

#include <QString>
#include <QStringList>

namespace cgs::ui {

// Finds the files the studio ships with (the demo project) whether it runs from a build tree,
// from a source checkout or from an installed package.
class DemoLocator {
public:
    // Folders searched, in order: $CGS_SOURCE_DIR, the source folder this build was configured
    // from, <executable>/../share/cyclegan-studio, the configured install data folder.
    static QStringList searchRoots();

    // The demo dataroot (a folder with trainA/ and trainB/), or an empty string if none exists.
    static QString demoDataroot();

    // The default folder for new runs: <AppLocalData>/runs (created on demand by the trainer).
    static QString defaultRunsDir();
};

} // namespace cgs::ui
