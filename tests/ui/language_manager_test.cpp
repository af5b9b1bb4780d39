#include "ui/language_manager.h"

#include "ui/main_window.h"
#include "ui/train/train_page.h"

#include <QPushButton>

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

TEST(LanguageManager, UnknownLanguageFallsBackToEnglish)
{
    LanguageManager languages;
    EXPECT_FALSE(languages.setLanguage("xx"));
    EXPECT_EQ(languages.effectiveLanguage(), QStringLiteral("en"));
    languages.setLanguage("en");
}

} // namespace
} // namespace cgs::ui
