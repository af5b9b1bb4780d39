#pragma once

#include "core/engine/error.h"

#include <QString>

namespace cgs::ui {

// The studio's one-line summary of a failure of kind `kind`, translated into the current
// language: the bold line of an ErrorBanner above the core message ("The dataset cannot be
// used" above "Dataset folder '/x/trainA' has no images"). One table, one row per ErrorKind
// (checked at compile time), shared by every page; GUI thread (it reads the installed
// translators).
QString failureSummary(cgs::ErrorKind kind);

} // namespace cgs::ui
