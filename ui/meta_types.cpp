#include "ui/meta_types.h"

#include "ui/core_meta_types.h"
#include "ui/train/preview_frame.h"
#include "ui/translation_service.h"

#include <QVector>

namespace cgs::ui {

void registerMetaTypes() {
    qRegisterMetaType<cgs::TrainOptions>("cgs::TrainOptions");
    qRegisterMetaType<cgs::StepReport>("cgs::StepReport");
    qRegisterMetaType<QVector<cgs::StepReport>>("QVector<cgs::StepReport>");
    qRegisterMetaType<cgs::ErrorKind>("cgs::ErrorKind");
    qRegisterMetaType<cgs::LogLevel>("cgs::LogLevel");
    qRegisterMetaType<cgs::ExportProgress>("cgs::ExportProgress");
    qRegisterMetaType<cgs::ExportSummary>("cgs::ExportSummary");
    qRegisterMetaType<cgs::ui::PreviewFrame>("cgs::ui::PreviewFrame");
    qRegisterMetaType<cgs::ui::TranslationResult>("cgs::ui::TranslationResult");
}

} // namespace cgs::ui
