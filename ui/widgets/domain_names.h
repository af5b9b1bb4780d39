#pragma once

#include "core/engine/direction.h"
#include "core/engine/train/train_options.h"

#include <QString>

namespace cgs::ui {

// The names of a model's two domains, for labels ("horse → zebra" instead of "A → B"). They
// come from the run's options through cgs::domainNames (the dataset's folder names: dirA/dirB,
// or the halves of a dataroot named like "horse2zebra"); "A" and "B" when nothing names them.
struct DomainNames {
    QString a = QStringLiteral("A");
    QString b = QStringLiteral("B");

    bool named() const { return a != QLatin1String("A") || b != QLatin1String("B"); }
    QString of(char letter) const { return letter == 'A' ? a : b; }
    // "horse → zebra" for AToB, "zebra → horse" for BToA.
    QString direction(cgs::Direction d) const;
};

DomainNames domainNamesOf(const cgs::TrainOptions &options);

// The names of a run of ours, given its folder or one of its checkpoints (<run>/checkpoints/
// <tag>); A and B for anything else (weight files, official runs, an unreadable config.json).
// Reads config.json: call it on user actions, not per frame.
DomainNames runDomainNames(const QString &runOrCheckpoint);

} // namespace cgs::ui
