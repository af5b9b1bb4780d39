#include "ui/language_manager.h"

#include "ui/main_window.h"
#include "ui/train/train_page.h"

#include <QDirIterator>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(LanguageManager, KoreanIsEmbeddedAndChangesVisibleTexts)
{
    LanguageManager languages;
    EXPECT_TRUE(LanguageManager::availableLanguages().contains("ko"));
    ASSERT_TRUE(languages.setLanguage("en"));
    MainWindow window(&languages);
    const QString title = window.windowTitle();
    const QString start = window.trainPage()->startButton()->text();
    EXPECT_EQ(start, QStringLiteral("Start"));

    ASSERT_TRUE(languages.setLanguage("ko"));
    EXPECT_EQ(languages.effectiveLanguage(), QStringLiteral("ko"));
    EXPECT_NE(window.trainPage()->startButton()->text(), start);
    EXPECT_EQ(window.trainPage()->startButton()->text(), QString::fromUtf8("시작"));
    EXPECT_NE(window.windowTitle(), title);

    ASSERT_TRUE(languages.setLanguage("en"));
    EXPECT_EQ(window.trainPage()->startButton()->text(), start);
}

// Every text of the Korean file is translated (after `cmake --build build --target
// cgs_ui_lupdate`, which adds new ones as unfinished).
TEST(LanguageManager, KoreanFileHasNoUnfinishedTexts)
{
    QFile file(QStringLiteral(CGS_SOURCE_DIR "/translations/cyclegan_studio_ko.ts"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString source;
    QStringList unfinished;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation") &&
                   xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished")) {
            unfinished << source;
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 300);
    EXPECT_TRUE(unfinished.isEmpty()) << unfinished.join(QStringLiteral("\n")).toStdString();
}

// lupdate reads "\u2192B" as U+192B (it takes a fifth hex digit), so such a source text never
// matches its translation: UI texts write those characters as they are ("A → B").
TEST(LanguageManager, NoUniversalCharacterNameBeforeAHexDigitInUiSources)
{
    const QRegularExpression trap(QStringLiteral(R"(\\u[0-9A-Fa-f]{4}[0-9A-Fa-f])"));
    QStringList hits;
    QDirIterator it(QStringLiteral(CGS_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile source(it.next());
        ASSERT_TRUE(source.open(QIODevice::ReadOnly));
        int line = 0;
        while (!source.atEnd()) {
            ++line;
            if (trap.match(QString::fromUtf8(source.readLine())).hasMatch())
                hits << QStringLiteral("%1:%2").arg(it.filePath()).arg(line);
        }
    }
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QStringLiteral("\n")).toStdString();
}

TEST(LanguageManager, UnknownLanguageFallsBackToEnglish)
{
    LanguageManager languages;
    EXPECT_FALSE(languages.setLanguage("xx"));
    EXPECT_EQ(languages.effectiveLanguage(), QStringLiteral("en"));
    languages.setLanguage("en");
}

} // namespace
} // namespace cgs::ui
