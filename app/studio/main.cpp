// cyclegan-studio: the Qt 6 desktop application (DESIGN §6). Everything lives in cgs_ui; this
// only creates the application, applies the saved language and opens the main window.
#include "ui/language_manager.h"
#include "ui/main_window.h"
#include "ui/preview_frame.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CycleGAN Studio"));
    QApplication::setOrganizationDomain(QStringLiteral("cyclegan-studio.org"));
    QApplication::setApplicationName(QStringLiteral("cyclegan-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("CycleGAN Studio"));
    QApplication::setDesktopFileName(QStringLiteral("cyclegan-studio"));
    cgs::ui::initResources();
    cgs::ui::registerMetaTypes();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cyclegan-studio.png")));

    cgs::ui::LanguageManager languages;
    languages.applySaved();
    cgs::ui::MainWindow window(&languages);
    window.show();
    return app.exec();
}
