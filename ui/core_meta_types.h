#pragma once

// Declares the core value types that travel through queued Qt signals. Include this header
// (instead of the core headers directly) in every ui header whose signals or slots use them,
// before any use, so that every translation unit sees the same QMetaTypeId specialisations.
#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"

#include <QMetaType>

Q_DECLARE_METATYPE(cgs::TrainOptions)
Q_DECLARE_METATYPE(cgs::StepReport)
