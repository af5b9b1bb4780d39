// The studio's one table of failure summaries: every ErrorKind has its own, and each is
// translated into Korean (translations/cyclegan_studio_ko.ts).
#include "ui/failure_summary.h"

#include "ui/language_manager.h"

#include <QSet>
#include <QStringList>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

QStringList allSummaries()
{
    QStringList summaries;
    for (cgs::ErrorKind kind : cgs::kErrorKinds)
        summaries << failureSummary(kind);
    return summaries;
}

TEST(FailureSummary, EveryKindHasASummaryOfItsOwn)
{
    LanguageManager languages;
    ASSERT_TRUE(languages.setLanguage("en"));
    const QStringList summaries = allSummaries();
    ASSERT_EQ(summaries.size(), static_cast<int>(std::size(cgs::kErrorKinds)));
    for (const QString &s : summaries)
        EXPECT_FALSE(s.trimmed().isEmpty());
    EXPECT_EQ(QSet<QString>(summaries.begin(), summaries.end()).size(), summaries.size())
        << summaries.join(" | ").toStdString();
    // Rows follow the enum: a shifted row would put the wrong text beside a kind.
    EXPECT_EQ(failureSummary(cgs::ErrorKind::DeviceUnavailable),
              QStringLiteral("The chosen device is not available"));
    EXPECT_EQ(failureSummary(cgs::ErrorKind::Device),
              QStringLiteral("The compute device failed (out of memory?)"));
    EXPECT_EQ(failureSummary(cgs::ErrorKind::Training),
              QStringLiteral("Training diverged (NaN or Inf loss)"));
    EXPECT_EQ(failureSummary(cgs::ErrorKind::Distributed),
              QStringLiteral("A process of the multi-process job failed"));
}

TEST(FailureSummary, EveryKindIsTranslatedIntoKorean)
{
    LanguageManager languages;
    ASSERT_TRUE(languages.setLanguage("en"));
    const QStringList english = allSummaries();
    ASSERT_TRUE(languages.setLanguage("ko"));
    const QStringList korean = allSummaries();
    languages.setLanguage("en");
    ASSERT_EQ(korean.size(), english.size());
    for (int i = 0; i < english.size(); ++i) {
        EXPECT_FALSE(korean[i].isEmpty());
        EXPECT_NE(korean[i], english[i]) << "untranslated: " << english[i].toStdString();
    }
}

} // namespace
} // namespace cgs::ui
