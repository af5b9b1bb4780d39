#pragma once

#include "core/engine/image.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cgs {

// The eight losses of one step, in the official order and names.
struct LossValues {
    double dA = 0, gA = 0, cycleA = 0, idtA = 0, dB = 0, gB = 0, cycleB = 0, idtB = 0;
    static const std::vector<std::string> &names(); // D_A, G_A, cycle_A, idt_A, D_B, ...
    std::vector<double> toVector() const;
    static LossValues fromVector(const std::vector<double> &values); // names() order; missing = 0
};

struct StepReport {
    std::int64_t iteration = 0;       // steps done in the whole run, 1-based
    std::int64_t totalIterations = 0; // steps the run will take in all
    int epoch = 0;                    // 1-based
    int totalEpochs = 0;
    std::int64_t epochIteration = 0; // steps done in this epoch, 1-based
    std::int64_t epochSize = 0;      // steps per epoch
    double lr = 0;                   // learning rate used for this step
    LossValues losses;
    double secondsPerIteration = 0; // smoothed
    double etaSeconds = 0;          // to the end of the run
};

// A preview grid: rows A (real_A, fake_B, rec_A[, idt_B]) and B (real_B, fake_A, rec_B[, idt_A]).
struct PreviewReport {
    std::int64_t iteration = 0;
    int epoch = 0;
    std::vector<std::pair<std::string, Image>> images; // name -> image, in grid order
    Image grid;                                         // all of them, one row per direction
    std::string path;                                   // where the grid was saved ("" if not)
};

struct CheckpointReport {
    std::string tag;  // latest, epoch_0005, ...
    std::string path; // the checkpoint folder
    std::int64_t iteration = 0;
    int epoch = 0;
};

enum class LogLevel { Info, Warning, Error };

// How a trainer reports. Methods are called on the training thread; implementations must be
// quick and must not throw (the UI adapts them to queued signals).
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void stepFinished(const StepReport &) {}
    virtual void previewReady(const PreviewReport &) {}
    virtual void checkpointSaved(const CheckpointReport &) {}
    virtual void logged(LogLevel, const std::string &) {}
};

} // namespace cgs
