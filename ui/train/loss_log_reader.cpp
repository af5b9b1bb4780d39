#include "ui/train/loss_log_reader.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

namespace cgs::ui {

QVector<cgs::StepReport> LossLogReader::read(const QString &csvPath)
{
    QVector<cgs::StepReport> steps;
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return steps;
    QTextStream in(&file);
    QHash<QString, int> column;
    const QStringList header = in.readLine().split(QLatin1Char(','));
    for (int i = 0; i < header.size(); ++i)
        column.insert(header[i].trimmed(), i);
    if (!column.contains(QStringLiteral("iteration")))
        return steps;
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(QLatin1Char(','));
        auto value = [&](const char *name) {
            const int i = column.value(QLatin1String(name), -1);
            return i >= 0 && i < cells.size() ? cells[i].toDouble() : 0.0;
        };
        bool ok = false;
        const int it = column.value(QStringLiteral("iteration"));
        cgs::StepReport s;
        s.iteration = it < cells.size() ? cells[it].toLongLong(&ok) : 0;
        if (!ok)
            continue;
        s.epoch = static_cast<int>(value("epoch"));
        s.lr = value("lr");
        s.losses.dA = value("D_A");
        s.losses.gA = value("G_A");
        s.losses.cycleA = value("cycle_A");
        s.losses.idtA = value("idt_A");
        s.losses.dB = value("D_B");
        s.losses.gB = value("G_B");
        s.losses.cycleB = value("cycle_B");
        s.losses.idtB = value("idt_B");
        s.secondsPerIteration = value("seconds/iter");
        steps << s;
    }
    return steps;
}

} // namespace cgs::ui
