#include "ui/widgets/display_path.h"

#include <QDir>

namespace cgs::ui {

QString displayPath(const QString &path)
{
    const QString home = QDir::cleanPath(QDir::homePath());
    const QString clean = QDir::cleanPath(path);
    if (!path.isEmpty() && home != QLatin1String("/") &&
        (clean == home || clean.startsWith(home + QLatin1Char('/'))))
        return QDir::toNativeSeparators(QStringLiteral("~") + clean.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

} // namespace cgs::ui
