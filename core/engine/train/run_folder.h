#pragma once

#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"

#include <cstddef>
#include <cstdint>
#include <optional>
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
//   <run>/heartbeat.json   the training's proof of life, seen from other hosts too
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
    std::string heartbeatPath() const { return m_dir + "/heartbeat.json"; }

    // True when the folder already holds a run of ours (config.json or checkpoints/).
    bool holdsRun() const;

    // True when a training (this process or another) holds the folder's run lock now.
    bool isBeingTrained() const;

    // The paths a file watcher should follow to see a run that is being written: the folder
    // itself (files appear), config.json, loss_log.csv, heartbeat.json, previews/ and
    // checkpoints/ (which may not exist yet: watch the folder and add them when they appear).
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

    // --- heartbeat.json
    // The trainer's proof of life. The lock (.lock) says "training now" only on the host that
    // trains; on a folder shared with another host (NFS, SMB, a synced folder) the heartbeat
    // says it. The trainer rewrites the file atomically every kHeartbeatSeconds while the run
    // is in its hands (paused too: the process is alive and resumes on request), and once more
    // when it ends (stopped, finished or failed):
    //   {"format":"cyclegan-studio-heartbeat","state":"training","host":"gpu7","pid":4242,
    //    "epoch":3,"total_epochs":200,"iteration":1200,"total_iterations":400000,
    //    "updated":1764496800,"interval_seconds":10,"message":""}
    // "updated" is the writer's clock in seconds since 1970 (UTC); "epoch" is the epoch in
    // progress (1-based), "message" the failure's (state failed).
    //
    // Staleness rule: a heartbeat whose state is training or paused is alive while its age is
    // below kHeartbeatStaleSeconds (six beats). Its age is the smaller of now - "updated" (the
    // writing host's clock) and now - the file's modification time (the file server's clock),
    // so a clock difference between hosts of less than a minute never makes a live run look
    // dead; an "updated" further in the future than kHeartbeatStaleSeconds is not believed
    // (only the file time counts then). A stale heartbeat means that the trainer ended without
    // saying so: killed, crashed, or its machine or the connection to the folder went down.
    static constexpr int kHeartbeatSeconds = 10;
    static constexpr int kHeartbeatStaleSeconds = 60;

    enum class RunState {
        Training, // a trainer has it now (this host: the lock; any host: a live heartbeat)
        Paused,   // as Training, paused by its user
        Stopped,  // stopped on request (or never trained past its checkpoints): resumable
        Finished, // all its epochs done
        Failed    // the trainer reported a failure, or its heartbeat went stale
    };
    static std::string toString(RunState state); // training, paused, stopped, finished, failed

    struct Heartbeat {
        RunState state = RunState::Training;
        std::string host;
        long long pid = 0;
        int epoch = 0;
        int totalEpochs = 0;
        std::int64_t iteration = 0;
        std::int64_t totalIterations = 0;
        std::int64_t updated = 0; // seconds since 1970, the writer's clock
        int intervalSeconds = kHeartbeatSeconds;
        std::string message;
    };
    // Writes heartbeat.json atomically (the writer sets every field; `updated` 0 = now).
    // Throws IoError.
    void writeHeartbeat(const Heartbeat &beat) const;
    // The heartbeat, or nothing when the file is missing or does not parse (never throws).
    std::optional<Heartbeat> readHeartbeat() const;

    // What the run is doing now, by the rule above; `now` in seconds since 1970 (0 = the clock).
    struct Status {
        RunState state = RunState::Stopped;
        bool lockHeld = false;      // a trainer on this host holds the lock
        bool heartbeatAlive = false; // a live heartbeat (also from another host)
        std::string detail;          // the failure's message, or since when the heartbeat is stale
        std::optional<Heartbeat> heartbeat;
    };
    // Without a heartbeat (older runs, the official code's): training when the lock is held;
    // else finished when the latest checkpoint has every epoch of config.json, else stopped.
    Status status(std::int64_t now = 0) const;

    // What a list of runs shows: status, progress, last losses, date, latest preview.
    struct Summary {
        Status status;
        int epoch = 0;               // epochs completed (the newest checkpoint's), or in
                                     // progress when training
        int totalEpochs = 0;         // config.json's n_epochs + n_epochs_decay (0 unknown)
        std::int64_t iteration = 0;  // of the last loss row (or checkpoint)
        std::optional<StepReport> lastLosses; // the last row of loss_log.csv
        std::int64_t modified = 0;   // seconds since 1970: the newest of the run's files
        std::string latestPreview;   // path, "" when none
        std::vector<std::string> checkpointTags; // oldest first
    };
    // Reads only the tail of loss_log.csv, state.json files and directory entries; never
    // throws for the content of the folder (an unreadable part is left empty).
    Summary summary(std::int64_t now = 0) const;

    // The last complete row of loss_log.csv (its tail only), or nothing.
    std::optional<StepReport> readLastLosses() const;

    // --- previews/
    // Where the preview grid of (epoch, iteration) goes; `extension` with its dot (".png").
    std::string previewPath(int epoch, std::int64_t iteration, const std::string &extension) const;
    // The preview files, oldest first (by name, which sorts by epoch and iteration).
    std::vector<std::string> previews() const;
    struct PreviewPosition {
        int epoch = 0;
        std::int64_t iteration = 0;
    };
    // The epoch and iteration that a preview file's name gives; nothing for another name.
    static std::optional<PreviewPosition> previewPosition(const std::string &path);

    // --- rescued/
    // Where the two generators go, as a model folder, when the checkpoint `tag` after
    // `iteration` steps could not be written (the trainer's last resort against losing them):
    // rescued/<tag>_iter<iteration>, or with _2, _3, ... appended when that exists already
    // (a run restarted after a full disk reaches the same tag and iteration again), so that a
    // rescue never overwrites an earlier one: rescued files may be the user's last copy.
    std::string rescuedGeneratorsDir(const std::string &tag, std::int64_t iteration) const;

private:
    std::string m_dir;
};

} // namespace cgs
