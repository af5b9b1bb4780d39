// main() of every ui test: an offscreen QApplication (no display needed), settings in a
// temporary folder, the studio's resources and metatypes registered, then GoogleTest.
#include "ui/language_manager.h"
#include "ui/meta_types.h"

#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CycleGAN Studio Tests"));
    QApplication::setApplicationName(QStringLiteral("cgs-ui-tests"));
    cgs::ui::initResources();
    cgs::ui::registerMetaTypes();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
