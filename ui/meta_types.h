#pragma once

namespace cgs::ui {

// Registers every value type that travels through queued signals, the core's
// (ui/core_meta_types.h) and the ui's own (PreviewFrame, TranslationResult, the video types of
// the Translate page): the one place, called once by main() of the studio and of the ui tests,
// on the GUI thread, before any widget exists. Idempotent.
void registerMetaTypes();

} // namespace cgs::ui
