#pragma once

#include "core/engine/train/train_control.h"
#include "core/engine/train/train_options.h"
#include "core/engine/train/training_observer.h"
#include "core/engine/unpaired_source.h"

#include <memory>

namespace cgs {

class ProcessGroup;

// Trains a CycleGAN and keeps its run folder (docs/ARCHITECTURE.md). Usage:
//
//   cgs::TrainOptions opt;  opt.dataroot = "data/monet2photo"; opt.name = "monet";
//   cgs::Trainer trainer(opt, std::make_unique<cgs::FolderSource>(opt), std::make_shared<cgs::PngWriter>());
//   cgs::TrainControl control;            // requestStop() from a signal handler / GUI thread
//   MyObserver observer;                  // receives StepReport, PreviewReport, ...
//   cgs::TrainSummary s = trainer.run(observer, control);
//
// The constructor validates the options, prepares the run folder (refusing to overwrite an
// existing run unless continueTrain is set) and, when continueTrain is set, loads the
// checkpoint. run() blocks until the run ends or a stop is requested; on stop it finishes the
// current step and writes checkpoints/latest. Throws cgs::Error subclasses (ConfigError,
// DatasetError, CheckpointError, DeviceError, TrainingError, IoError).
// Not thread safe: use one Trainer from one thread.
//
// With a ProcessGroup of N > 1 ranks (core/engine/dist/), every rank constructs a Trainer with
// the same options and runs it: data-parallel training (DataParallel; DESIGN §7). Rank 0 alone
// holds the run lock and writes the run folder (config.json with world_size, loss_log.csv with
// the losses averaged over the ranks, previews, checkpoints holding every rank's pools and
// random state); the other ranks read the checkpoint to resume, so they must see the run folder
// (one machine, or a shared file system). Observer calls: step, preview and checkpoint reports
// on rank 0 only, log lines on every rank. Images of several sizes and the eager capturable
// step work as with one process; cudaGraph with N > 1 throws ConfigError on every rank.
struct TrainSummary {
    std::int64_t iterations = 0; // steps taken in the whole run so far
    int epoch = 0;               // last epoch reached
    bool finished = false;       // all epochs done (false when stopped)
    double seconds = 0;          // wall time of this run() call
    std::string runDir;
};

class Trainer {
public:
    Trainer(TrainOptions options, std::unique_ptr<UnpairedSource> source,
            std::shared_ptr<ImageWriter> previewWriter = nullptr,
            std::shared_ptr<ProcessGroup> group = nullptr);
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    TrainSummary run(TrainingObserver &observer, TrainControl &control);

    const TrainOptions &options() const;
    std::string deviceDescription() const; // "CPU (2 threads)" or "NVIDIA H100 (80 GB)"
    std::int64_t iteration() const;        // steps done so far (after a resume: the restored count)

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cgs
