#include "ui/train/preview_frame.h"

#include <QVector>

namespace cgs::ui {

void registerMetaTypes()
{
    qRegisterMetaType<cgs::ui::PreviewFrame>("cgs::ui::PreviewFrame");
    qRegisterMetaType<cgs::ui::FailureKind>("cgs::ui::FailureKind");
    qRegisterMetaType<cgs::TrainOptions>("cgs::TrainOptions");
    qRegisterMetaType<cgs::StepReport>("cgs::StepReport");
    qRegisterMetaType<QVector<cgs::StepReport>>("QVector<cgs::StepReport>");
}

} // namespace cgs::ui
