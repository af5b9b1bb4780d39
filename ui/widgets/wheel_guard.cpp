#include "ui/widgets/wheel_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace cgs::ui {

namespace {

// The setting a wheel event over `object` would change, if any (the event may be addressed
// to a spin box's line edit: its spin box is what would step).
QWidget *guardedSetting(QObject *object)
{
    for (QObject *o = object; o; o = o->parent()) {
        if (qobject_cast<QAbstractSpinBox *>(o) || qobject_cast<QComboBox *>(o))
            return static_cast<QWidget *>(o);
        if (o->isWidgetType() && static_cast<QWidget *>(o)->isWindow())
            return nullptr;
    }
    return nullptr;
}

bool hasFocusWithin(const QWidget *widget)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == widget || widget->isAncestorOf(focus));
}

} // namespace

void WheelGuard::install(QApplication &app)
{
    static const char *const kInstalled = "cgsWheelGuard";
    if (app.property(kInstalled).toBool())
        return;
    app.setProperty(kInstalled, true);
    app.installEventFilter(new WheelGuard(&app));
    // Widgets made and polished before: their focus policy now; later ones when polished.
    for (QWidget *w : QApplication::allWidgets())
        if (guardedSetting(w) == w)
            w->setFocusPolicy(Qt::StrongFocus);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish) {
        if (QWidget *setting = guardedSetting(watched); setting == watched)
            setting->setFocusPolicy(Qt::StrongFocus);
    } else if (event->type() == QEvent::Wheel) {
        if (QWidget *setting = guardedSetting(watched); setting && !hasFocusWithin(setting)) {
            setting->setFocusPolicy(Qt::StrongFocus); // the wheel must not give it the focus
            // Not accepted and not delivered: QApplication passes it on to the parents
            // (the scroll area), as for a widget that does not use the wheel.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cgs::ui
