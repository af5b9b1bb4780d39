// cyclegan-studio: the Qt 6 desktop application (docs/ARCHITECTURE.md). Everything lives in cgs_ui; this
// only creates the application, applies the saved language and opens the main window.
// Image files or folders given as arguments ("Open with") open on the Translate page.
#include "core/engine/file_size_limit.h"
#include "core/engine/thread_env.h"
#include "ui/language_manager.h"
#include "ui/main_window.h"
#include "ui/meta_types.h"
#include "ui/translate/translate_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

int main(int argc, char *argv[])
{
    cgs::ensurePassiveOpenMpWait(argv);
    cgs::ignoreFileSizeLimitSignal(); // write errors come back as errors (EFBIG), not a kill
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CycleGAN Studio"));
    QApplication::setOrganizationDomain(QStringLiteral("cyclegan-studio.org"));
    QApplication::setApplicationName(QStringLiteral("cyclegan-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("CycleGAN Studio"));
    QApplication::setApplicationVersion(QStringLiteral(CGS_STUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cyclegan-studio"));
    cgs::ui::initResources();
    cgs::ui::registerMetaTypes();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cyclegan-studio.png")));

    cgs::ui::LanguageManager languages;
    languages.applySaved();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CycleGAN Studio: train CycleGAN models and translate images"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Images or folders to open on the Translate page."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    cgs::ui::MainWindow window(&languages);
    QStringList paths;
    for (const QString &arg : parser.positionalArguments())
        paths << QFileInfo(arg).absoluteFilePath();
    if (!paths.isEmpty()) {
        window.showPage(cgs::ui::MainWindow::TranslatePageIndex);
        window.translatePage()->addFiles(paths);
    }
    window.show();
    return app.exec();
}
