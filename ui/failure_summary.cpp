#include "ui/failure_summary.h"

#include <QCoreApplication>

#include <array>
#include <cstddef>

namespace cgs::ui {

namespace {

constexpr char kContext[] = "cgs::ui::FailureSummary";

struct SummaryRow {
    cgs::ErrorKind kind;
    const char *text; // English source; translations in translations/cyclegan_studio_*.ts
};

// One row per ErrorKind, in the enum's order (the static_assert below checks both).
constexpr std::array<SummaryRow, std::size(cgs::kErrorKinds)> kSummaries = {{
    {cgs::ErrorKind::Config,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "The options are not valid")},
    {cgs::ErrorKind::Dataset,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "The dataset cannot be used")},
    {cgs::ErrorKind::Checkpoint,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "The checkpoint cannot be used")},
    {cgs::ErrorKind::DeviceUnavailable,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "The chosen device is not available")},
    {cgs::ErrorKind::Device,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "The compute device failed (out of memory?)")},
    {cgs::ErrorKind::Training,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "Training diverged (NaN or Inf loss)")},
    {cgs::ErrorKind::Io,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "A file could not be read or written")},
    {cgs::ErrorKind::Cancelled, QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "Stopped")},
    {cgs::ErrorKind::Distributed,
     QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "A process of the multi-process job failed")},
    {cgs::ErrorKind::Other, QT_TRANSLATE_NOOP("cgs::ui::FailureSummary", "Unexpected error")},
}};

constexpr bool coversEveryKindInOrder() {
    for (std::size_t i = 0; i < kSummaries.size(); ++i)
        if (kSummaries[i].kind != cgs::kErrorKinds[i] || kSummaries[i].text == nullptr)
            return false;
    return true;
}
static_assert(coversEveryKindInOrder(), "kSummaries needs one row per ErrorKind, in order");

} // namespace

QString failureSummary(cgs::ErrorKind kind) {
    return QCoreApplication::translate(kContext, kSummaries[static_cast<std::size_t>(kind)].text);
}

} // namespace cgs::ui
