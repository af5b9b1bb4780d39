#pragma once

#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// The one owner of the run folder's format (docs/ARCHITECTURE.md): it writes and reads
//   <run>/config.json      the TrainOptions of the run (toJson / trainOptionsFromJson)
//   <run>/loss_log.csv     one row per step, header lossLogHeader()
//   <run>/previews/        one grid image per preview, epoch<EEE>_iter<IIIIIIII>.<ext>
//   <run>/checkpoints/     checkpoint folders (checkpoint/checkpoint_store.h owns their format)
//   <run>/.lock            the run lock of a training in progress (run_lock.h)
//   <run>/rescued/         generators saved alone when a checkpoint could not be written:
//                          <tag>_iter<IIIIIIII>/, a model folder (translate --model)
// with <run> = <checkpointsDir>/<name>. Every write is atomic or an append of whole lines, so
// a reader may read a run that a training (in this or another process) is writing.
// Torch-free: the studio and the CLI use it as a facade. Reentrant; no state but the path.
class RunFolder {
public:
    explicit RunFolder(std::string dir) : m_dir(std::move(dir)) {}

    const std::string &dir() const { return m_dir; }
    std::string checkpointsDir() const;
    std::string previewsDir() const { return m_dir + "/previews"; }
    std::string configPath() const { return m_dir + "/config.json"; }
    std::string lossLogPath() const { return m_dir + "/loss_log.csv"; }

    // True when the folder already holds a run of ours (config.json or checkpoints/).
    bool holdsRun() const;

    // True when a training (this process or another) holds the folder's run lock now.
    bool isBeingTrained() const;

    // The paths a file watcher should follow to see a run that is being written: the folder
    // itself (files appear), config.json, loss_log.csv, previews/ and checkpoints/ (which may
    // not exist yet: watch the folder and add them when they appear).
    std::vector<std::string> watchPaths() const;

    // --- config.json
    // Creates the folders and writes config.json. Throws IoError.
    void create(const TrainOptions &options) const;
    // The run's options, rebased to where the folder is now (name = the folder's name,
    // checkpointsDir = its parent, so a moved folder resumes in place). Throws ConfigError
    // naming config.json when it is missing, unreadable or not valid options.
    TrainOptions readOptions() const;

    // --- loss_log.csv
    enum class LossLog {
        New,   // start it with its header (a new run)
        Resume // keep the rows up to the checkpoint's iteration (they are trained again after it)
    };
    // Starts loss_log.csv. Resume from a checkpoint taken after `iteration` steps drops the
    // rows after it, so the log has every iteration exactly once.
    void startLossLog(LossLog start, std::int64_t iteration) const;
    // Appends one row per report: iteration, epoch, lr, the 8 losses (LossValues::names()),
    // seconds_per_iter. Throws IoError.
    void appendLosses(const std::vector<StepReport> &reports) const;
    static std::string lossLogHeader();

    struct LossRows {
        std::vector<StepReport> steps; // iteration, epoch, lr, losses, secondsPerIteration set
        std::size_t nextRow = 0;       // complete data rows in the file: pass it to the next read
        bool restarted = false;        // the file had fewer rows than asked for (rewritten on a
                                       // resume): steps holds it all, from row 0
    };
    // Reads loss_log.csv from data row `fromRow` (0 = the first after the header). Columns are
    // found by their header names; a row that does not parse is counted but skipped; a last
    // line without its newline (a training writing it now) is left for the next read. A
    // missing or empty file gives no steps and nextRow 0. Never throws for the file's content.
    // A resume rewrites the file atomically (a new inode); a watcher that sees that reads again
    // from row 0, since the row count alone cannot always tell.
    LossRows readLosses(std::size_t fromRow = 0) const;

    // --- previews/
    // Where the preview grid of (epoch, iteration) goes; `extension` with its dot (".png").
    std::string previewPath(int epoch, std::int64_t iteration, const std::string &extension) const;
    // The preview files, oldest first (by name, which sorts by epoch and iteration).
    std::vector<std::string> previews() const;

    // --- rescued/
    // Where the two generators go, as a model folder, when the checkpoint `tag` after
    // `iteration` steps could not be written (the trainer's last resort against losing them).
    std::string rescuedGeneratorsDir(const std::string &tag, std::int64_t iteration) const;

private:
    std::string m_dir;
};

} // namespace cgs
