#include "ui/main_window.h"

#include "ui/language_manager.h"
#include "ui/train/train_page.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

// Why a widget's own children are not checked: composite widgets place their parts themselves
// (a spin box's line edit, a scroll area's bars, a combo box's view).
bool placesItsOwnParts(const QWidget *widget)
{
    return qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QComboBox *>(widget) || qobject_cast<const QTabBar *>(widget) ||
           qobject_cast<const QScrollBar *>(widget);
}

// The smallest size the layouts promise a widget: its minimum size hint, unless an explicit
// minimum or maximum size or an Ignored size policy says otherwise.
QSize promisedMinimum(const QWidget *widget)
{
    QSize minimum = widget->minimumSizeHint().expandedTo(QSize(0, 0));
    // A widget at its preferred size is not clipped (a tab bar's minimum with elided titles can
    // exceed its size hint with short ones).
    if (widget->sizeHint().isValid())
        minimum = minimum.boundedTo(widget->sizeHint());
    if (widget->minimumWidth() > 0 ||
        widget->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
        minimum.setWidth(widget->minimumWidth());
    if (widget->minimumHeight() > 0 ||
        widget->sizePolicy().verticalPolicy() == QSizePolicy::Ignored)
        minimum.setHeight(widget->minimumHeight());
    // An explicit maximum below the hint is a choice (a thin progress bar), not a clip.
    return minimum.boundedTo(widget->maximumSize());
}

QString describe(const QWidget *widget)
{
    QString text = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        text += QLatin1Char('#') + widget->objectName();
    for (const char *property : {"text", "title"}) {
        const QString value = widget->property(property).toString();
        if (!value.isEmpty())
            text += QStringLiteral(" \"%1\"").arg(value.left(30));
    }
    if (widget->parentWidget())
        text += QStringLiteral(" in ") +
                QString::fromLatin1(widget->parentWidget()->metaObject()->className());
    return text;
}

// Every visible widget under `root` is at least its promised minimum size, and no two visible
// siblings overlap.
void checkLayout(QWidget *root, QStringList &problems)
{
    QList<QWidget *> visible;
    for (QObject *child : root->children()) {
        auto *widget = qobject_cast<QWidget *>(child);
        if (widget && !widget->isWindow() && widget->isVisibleTo(root))
            visible << widget;
    }
    for (int i = 0; i < visible.size(); ++i) {
        QWidget *widget = visible[i];
        const QSize minimum = promisedMinimum(widget);
        if (widget->width() < minimum.width() || widget->height() < minimum.height())
            problems << QStringLiteral("%1: %2x%3 < minimum %4x%5")
                            .arg(describe(widget))
                            .arg(widget->width())
                            .arg(widget->height())
                            .arg(minimum.width())
                            .arg(minimum.height());
        for (int j = i + 1; j < visible.size(); ++j)
            if (widget->geometry().intersects(visible[j]->geometry()))
                problems << QStringLiteral("%1 overlaps %2").arg(describe(widget), describe(visible[j]));
        if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
            checkLayout(area->viewport(), problems); // not its bars and their containers
        else if (!placesItsOwnParts(widget))
            checkLayout(widget, problems);
    }
}

struct Case {
    const char *language;
    QSize size;
};

class MainWindowLayout : public ::testing::TestWithParam<Case> {};

TEST_P(MainWindowLayout, NoWidgetIsClippedOrOverlapsOnAnyPage)
{
    QSettings().clear();
    LanguageManager languages;
    ASSERT_TRUE(languages.setLanguage(QString::fromLatin1(GetParam().language)));
    MainWindow window(&languages);
    window.resize(GetParam().size);
    window.show();
    QApplication::processEvents();
    EXPECT_EQ(window.size(), GetParam().size) << "the window fits the screen size";
    QStringList problems;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(page);
        QApplication::processEvents();
        checkLayout(window.centralWidget(), problems);
    }
    // The Train page with its Advanced section open.
    window.showPage(MainWindow::TrainPageIndex);
    for (QGroupBox *group : window.trainPage()->findChildren<QGroupBox *>())
        if (group->isCheckable())
            group->setChecked(true);
    QApplication::processEvents();
    checkLayout(window.centralWidget(), problems);
    problems.removeDuplicates();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    languages.setLanguage(QStringLiteral("en"));
}

INSTANTIATE_TEST_SUITE_P(Screens, MainWindowLayout,
                         ::testing::Values(Case{"en", {1366, 768}}, Case{"en", {1920, 1080}},
                                           Case{"ko", {1366, 768}}, Case{"ko", {1920, 1080}}),
                         [](const ::testing::TestParamInfo<Case> &info) {
                             return std::string(info.param.language) + "x" +
                                    std::to_string(info.param.size.width());
                         });

} // namespace
} // namespace cgs::ui
