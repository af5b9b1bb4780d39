#pragma once

#include "core/engine/train/run_folder.h"

#include <QDateTime>
#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>

namespace cgs::ui {

// One run of the Runs view, as read from its folder (cgs::RunFolder::summary for ours,
// cgs::locateModel for the official code's): a plain value, made on any thread.
struct RunEntry {
    enum class Kind {
        Ours,    // trained by the studio or `cyclegan train` (any host)
        Official // a folder of the official train.py (<epoch>_net_G_A.pth ...)
    };
    QString path; // the run folder, absolute and clean
    QString name; // the folder's name
    Kind kind = Kind::Ours;
    cgs::RunFolder::RunState state = cgs::RunFolder::RunState::Stopped;
    QString stateDetail;   // why it failed, since when its heartbeat is stale
    bool lockHeld = false; // a trainer on this host holds it
    QString host;          // the trainer's host (from the heartbeat), "" unknown
    int epoch = 0;
    int totalEpochs = 0; // 0 unknown
    qint64 iteration = 0;
    std::optional<cgs::StepReport> lastLosses;
    QDateTime modified;
    QString previewPath; // the latest preview grid, "" none
    QImage thumbnail;    // of previewPath, at most kThumbnailHeight high
    QStringList checkpointTags;

    static constexpr int kThumbnailHeight = 64;

    // A model can be made of it (a checkpoint or an official epoch exists).
    bool hasModel() const { return !checkpointTags.isEmpty(); }
    // Training now, by this process or another one, on this host or another.
    bool isTrainingNow() const
    {
        return state == cgs::RunFolder::RunState::Training ||
               state == cgs::RunFolder::RunState::Paused;
    }
};

} // namespace cgs::ui
