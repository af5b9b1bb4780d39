#pragma once

#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"

#include <string>
#include <vector>

namespace cgs {

// The files of a run folder besides checkpoints: config.json, loss_log.csv, previews/.
// Paths are <checkpointsDir>/<name>/...; every write is atomic or an append of whole lines.
class RunFolder {
public:
    explicit RunFolder(std::string dir) : m_dir(std::move(dir)) {}

    const std::string &dir() const { return m_dir; }
    std::string checkpointsDir() const { return m_dir + "/checkpoints"; }
    std::string previewsDir() const { return m_dir + "/previews"; }
    std::string configPath() const { return m_dir + "/config.json"; }
    std::string lossLogPath() const { return m_dir + "/loss_log.csv"; }

    // True when the folder already holds a run (config.json or checkpoints/).
    bool holdsRun() const;

    // Creates the folders and writes config.json. Throws IoError.
    void create(const TrainOptions &options) const;

    // Starts loss_log.csv with its header (new run), or, when resuming from a checkpoint taken
    // after `iteration` steps, drops the rows after it (they will be trained again), so the
    // log has every iteration exactly once.
    void startLossLog(bool resume, std::int64_t iteration) const;

    // Appends one row per report: iteration, epoch, lr, the 8 losses, seconds/iter.
    void appendLosses(const std::vector<StepReport> &reports) const;

    static std::string lossLogHeader();

private:
    std::string m_dir;
};

} // namespace cgs
