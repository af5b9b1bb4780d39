#include "ui/demo_locator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cgs::ui {

namespace {
const char *kDemoSubdir = "resources/demo/monet2photo";
const char *kInstalledDemoSubdir = "demo/monet2photo";
} // namespace

QStringList DemoLocator::searchRoots()
{
    QStringList roots;
    const QString env = qEnvironmentVariable("CGS_SOURCE_DIR");
    if (!env.isEmpty())
        roots << QDir(env).filePath(kDemoSubdir);
#ifdef CGS_BUILD_SOURCE_DIR
    roots << QDir(QStringLiteral(CGS_BUILD_SOURCE_DIR)).filePath(kDemoSubdir);
#endif
    if (QCoreApplication::instance()) {
        const QDir appDir(QCoreApplication::applicationDirPath());
        roots << appDir.filePath(QStringLiteral("../share/cyclegan-studio/") + kInstalledDemoSubdir);
    }
#ifdef CGS_INSTALL_DATA_DIR
    roots << QDir(QStringLiteral(CGS_INSTALL_DATA_DIR)).filePath(kInstalledDemoSubdir);
#endif
    return roots;
}

QString DemoLocator::demoDataroot()
{
    for (const QString &root : searchRoots()) {
        const QDir dir(root);
        if (dir.exists(QStringLiteral("trainA")) && dir.exists(QStringLiteral("trainB")))
            return QDir::cleanPath(dir.absolutePath());
    }
    return {};
}

QString DemoLocator::defaultRunsDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(base.isEmpty() ? QDir::homePath() : base).filePath(QStringLiteral("runs"));
}

} // namespace cgs::ui
