#include "ui/language_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

// Q_INIT_RESOURCE must be called from the global namespace.
static void initCgsResources()
{
    Q_INIT_RESOURCE(studio);
    Q_INIT_RESOURCE(cgs_i18n);
}

namespace cgs::ui {

void initResources()
{
    static bool done = false;
    if (!done) {
        initCgsResources();
        done = true;
    }
}

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) { initResources(); }

QStringList LanguageManager::availableLanguages()
{
    initResources();
    QStringList codes{QStringLiteral("en")};
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({"cyclegan_studio_*.qm"})) {
        const QString code = file.mid(16, file.size() - 16 - 3);
        if (!codes.contains(code))
            codes << code;
    }
    return codes;
}

bool LanguageManager::setLanguage(const QString &code)
{
    m_language = code;
    const QString wanted = code.isEmpty() ? QLocale::system().name().section('_', 0, 0) : code;
    QCoreApplication::removeTranslator(&m_studio);
    QCoreApplication::removeTranslator(&m_qt);
    bool ok = true;
    m_effective = QStringLiteral("en");
    if (wanted != QLatin1String("en")) {
        ok = m_studio.load(QStringLiteral(":/i18n/cyclegan_studio_%1.qm").arg(wanted));
        if (ok) {
            QCoreApplication::installTranslator(&m_studio);
            m_effective = wanted;
            if (m_qt.load(QStringLiteral("qtbase_%1").arg(wanted),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&m_qt);
        }
    }
    // removeTranslator and installTranslator post QEvent::LanguageChange to the widgets; deliver
    // it now, so that every visible text has changed when this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QSettings().setValue(QStringLiteral("language"), code);
    emit languageChanged(m_effective);
    return ok;
}

void LanguageManager::applySaved()
{
    setLanguage(QSettings().value(QStringLiteral("language"), QString()).toString());
}

} // namespace cgs::ui
