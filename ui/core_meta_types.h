#pragma once

// Declares the core value types that travel through queued Qt signals (docs/ARCHITECTURE.md
// "Threads"): the core's own structs cross as they are, no Qt mirror of them. Include this header
// (instead of the core headers directly) in every ui header whose signals or slots use them,
// before any use, so that every translation unit sees the same QMetaTypeId specialisations.
// They are registered, with the ui's own types, once in registerMetaTypes() (ui/meta_types.h).
#include "core/engine/error.h"
#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"
#include "core/imageio/batch_export.h"

#include <QMetaType>

Q_DECLARE_METATYPE(cgs::TrainOptions)
Q_DECLARE_METATYPE(cgs::StepReport)
Q_DECLARE_METATYPE(cgs::ErrorKind)
Q_DECLARE_METATYPE(cgs::LogLevel)
Q_DECLARE_METATYPE(cgs::ExportProgress)
Q_DECLARE_METATYPE(cgs::ExportSummary)
