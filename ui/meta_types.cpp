#include "ui/meta_types.h"

#include "ui/core_meta_types.h"
#include "ui/train/preview_frame.h"
#include "ui/translate/video_export_job.h"
#include "ui/translate/video_frame_reader.h"
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
    qRegisterMetaType<cgs::ui::VideoSummary>("cgs::ui::VideoSummary");
    qRegisterMetaType<cgs::ui::VideoExportProgress>("cgs::ui::VideoExportProgress");
    qRegisterMetaType<cgs::ui::VideoExportOutcome>("cgs::ui::VideoExportOutcome");
}

} // namespace cgs::ui
