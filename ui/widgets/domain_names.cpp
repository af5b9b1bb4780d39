#include "ui/widgets/domain_names.h"

#include "core/engine/checkpoint/model_location.h"
#include "core/engine/train/run_folder.h"
#include "core/imageio/dataset_overview.h"

#include <QFileInfo>

namespace cgs::ui {

QString DomainNames::direction(cgs::Direction d) const
{
    return d == cgs::Direction::AToB ? a + QStringLiteral(" \u2192 ") + b
                                     : b + QStringLiteral(" \u2192 ") + a;
}

DomainNames domainNamesOf(const cgs::TrainOptions &options)
{
    const auto names = cgs::domainNames(options);
    return {QString::fromStdString(names.first), QString::fromStdString(names.second)};
}

DomainNames runDomainNames(const QString &model)
{
    if (model.isEmpty())
        return {};
    std::string run = model.toStdString();
    const cgs::ModelLocation location = cgs::locateModel(run);
    if (location.kind == cgs::ModelKind::CheckpointFolder) // <run>/checkpoints/<tag>
        run = QFileInfo(model + QStringLiteral("/../..")).absoluteFilePath().toStdString();
    else if (location.kind != cgs::ModelKind::Run)
        return {};
    try {
        return domainNamesOf(cgs::RunFolder(run).readOptions());
    } catch (const std::exception &) { // no readable config.json: the letters stay
        return {};
    }
}

} // namespace cgs::ui
