#include "ui/widgets/wheel_guard.h"

#include "ui/main_window.h"
#include "tests/ui/ui_test_support.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QSpinBox>
#include <QSet>
#include <QWheelEvent>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

// One notch of the wheel over the middle of `widget`, as the pointer sends it.
void wheelOver(QWidget *widget, int notches)
{
    const QPointF at(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

QString valueOf(QWidget *w)
{
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
        return spin->text();
    return qobject_cast<QComboBox *>(w)->currentText();
}

// The 12-06 walk: scrolling the Train form with the pointer over λ cycle turned it from 10 to
// 7, and ndf from 16 to 1. Every spin box and combo box of every page keeps its value under
// the wheel until it has the focus.
TEST(WheelGuard, TheWheelOverAnUnfocusedFieldChangesNothingOnAnyPage)
{
    QSettings().clear();
    MainWindow window;
    window.show();
    int fields = 0;
    QSet<QWidget *> tried;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(page);
        QApplication::processEvents();
        QList<QWidget *> settings;
        for (auto *spin : window.findChildren<QAbstractSpinBox *>())
            settings << spin;
        for (auto *combo : window.findChildren<QComboBox *>())
            settings << combo;
        for (QWidget *w : settings) {
            if (!w->isVisible() || !w->isEnabled() || tried.contains(w))
                continue;
            tried.insert(w);
            w->clearFocus();
            const QString before = valueOf(w);
            wheelOver(w, -3);
            wheelOver(w, 2);
            EXPECT_EQ(valueOf(w), before) << w->objectName().toStdString() << " on page " << page
                                          << " (" << w->metaObject()->className() << ")";
            EXPECT_EQ(w->focusPolicy(), Qt::StrongFocus) << w->metaObject()->className();
            ++fields;
        }
    }
    EXPECT_GT(fields, 15); // the Train form alone has more
}

TEST(WheelGuard, AFocusedFieldStillTakesTheWheel)
{
    QWidget window;
    auto *spin = new QSpinBox(&window);
    spin->setRange(0, 100);
    spin->setValue(10);
    WheelGuard::install(*qApp);
    window.show();
    QApplication::setActiveWindow(&window);
    spin->setFocus();
    ASSERT_TRUE(test::waitUntil([&] { return spin->hasFocus(); }, 2000));
    wheelOver(spin, -3);
    EXPECT_EQ(spin->value(), 7);
    spin->clearFocus();
    wheelOver(spin, -3);
    EXPECT_EQ(spin->value(), 7);
}

} // namespace
} // namespace cgs::ui
