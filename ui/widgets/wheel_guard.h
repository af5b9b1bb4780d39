#pragma once

#include <QObject>

class QApplication;

namespace cgs::ui {

// Keeps the mouse wheel from changing settings by accident: a spin box or combo box takes the
// wheel only when it has the keyboard focus (a click or Tab first). Over any other of them the
// wheel goes on to what holds it, so that scrolling a long form scrolls the form instead of
// turning λ cycle from 10 to 7 on the way (the 12-06 walk through the studio). Also gives
// these widgets Qt::StrongFocus, so that the wheel alone cannot give them the focus.
//
// install() puts one guard on the whole application (every window, page and dialog, the ones
// made later too). GUI thread only.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    static void install(QApplication &app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace cgs::ui
