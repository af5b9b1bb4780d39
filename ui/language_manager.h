#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace cgs::ui {

// Installs the studio's translation (embedded .qm files under :/i18n) and Qt's own, for a
// language code: "" follows the system locale, "en" is the source language, "ko" Korean.
// Installing sends QEvent::LanguageChange to every widget, whose retranslateUi() updates the
// visible texts. The choice is remembered in QSettings ("language").
class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);

    // Applies `code` (see above); returns false if no translation for it exists (English stays).
    bool setLanguage(const QString &code);
    // The code chosen ("" = system) and the one in effect ("en", "ko").
    QString language() const { return m_language; }
    QString effectiveLanguage() const { return m_effective; }
    // Applies the language saved in QSettings.
    void applySaved();

    static QStringList availableLanguages(); // codes with an embedded .qm, plus "en"

signals:
    void languageChanged(const QString &effectiveCode);

private:
    QTranslator m_studio;
    QTranslator m_qt;
    QString m_language;
    QString m_effective = QStringLiteral("en");
};

// Registers the resources compiled into cgs_ui (icons, translations); call once after the
// QApplication exists. Safe to call more than once.
void initResources();

} // namespace cgs::ui
