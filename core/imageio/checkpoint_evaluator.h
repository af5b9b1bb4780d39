#pragma once

// Which checkpoint is best? Image-quality metrics of a run's checkpoints on the test folders
// (the engine of `cyclegan eval`, of training's --eval_freq and of the studio's Evaluate).
//
//   cgs::EvalOptions o;  o.model = "runs/horse2zebra";  o.testA = ".../testA";  o.testB = ...;
//   cgs::CheckpointEvaluator evaluator(o);               // throws: see the constructor
//   cgs::EvalSummary s = evaluator.run(stop, onProgress, [&](auto &rows) { log.append(rows); });
//
// For each chosen checkpoint and direction, the test images of the source domain are translated
// at their own size (as `cyclegan translate` does) and compared with the real test images of the
// other domain: AtoB = G_A(testA) against testB, BtoA = G_B(testB) against testA. FID and KID use
// pytorch-fid's Inception (core/engine/metrics/frechet_distance.h, kernel_inception_distance.h),
// SWD the Laplacian-pyramid patches (sliced_wasserstein.h). The real folders' Inception features
// are cached (FeatureCache), keyed by the folder's file names, sizes and modification times and
// the weight file's hash. Unreadable test images are skipped and counted, never fatal.
// Thread safety: one thread at a time per object; run() blocks and polls `stop` between images.

#include "core/engine/image.h"
#include "core/engine/metrics/kernel_inception_distance.h"
#include "core/engine/metrics/metrics_log.h"
#include "core/engine/metrics/sliced_wasserstein.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cgs {

struct EvalMetrics {
    bool fid = true;
    bool kid = true;
    bool swd = true;
    bool needsInception() const { return fid || kid; }
    // "fid,kid,swd" (any subset, any order, any case). Throws ConfigError naming the option.
    static EvalMetrics parse(const std::string &list);
};

struct EvalOptions {
    // A run folder (its checkpoints), one checkpoint folder, or an official train.py run folder
    // (<epoch>_net_G_A.pth and <epoch>_net_G_B.pth).
    std::string model;
    // all | latest | N (epoch number) | a checkpoint tag (epoch_0005).
    std::string epoch = "all";
    std::string testA; // real test images of domain A (translated by G_A, reference for BtoA)
    std::string testB;
    EvalMetrics metrics;
    std::string inceptionWeights; // "" = resolveInceptionWeights("")
    std::string device = "auto";  // auto | cpu | cuda | cuda:N
    int cpuThreads = 0;           // 0 = library default
    std::string cacheDir;         // "" = FeatureCache::defaultDir()
    int inceptionBatch = 16;
    KidOptions kid;
    SwdOptions swd;
    // Also score the test images as they are (an identity "translation": testA against testB
    // and testB against testA), the distance a model has to beat. These rows come first in the
    // summary, with checkpoint kUntranslated and epoch -1, and are not passed to onRows (so not
    // logged to metrics.csv).
    bool untranslated = false;
    static constexpr const char *kUntranslated = "untranslated";
};

// One checkpoint to evaluate.
struct EvalTarget {
    std::string tag;       // epoch_0005, latest; official: 5, latest
    int epoch = -1;
    std::int64_t iteration = -1;
    std::string model; // what TranslatorOptions::model gets (with epoch = tag)
};

struct EvalProgress {
    std::string stage;        // "reading testA", "reference features B", "epoch_0005 AtoB"
    std::int64_t done = 0;    // images done in the whole run
    std::int64_t total = 0;
    double imagesPerSecond = 0;
    double etaSeconds = -1;
};

struct EvalSummary {
    std::vector<MetricsRow> rows;
    std::vector<std::string> unreadable; // "<path>: <cause>" of skipped test images
    double seconds = 0;
};

class CheckpointEvaluator {
public:
    using ProgressHandler = std::function<void(const EvalProgress &)>;
    using RowsHandler = std::function<void(const std::vector<MetricsRow> &)>;

    // Finds the checkpoints and checks the options; reads no image yet. Throws ConfigError
    // (bad option; FID/KID without weights: the message says which file to get and where to
    // put it), CheckpointError (no such model or epoch), DatasetError (test folder missing or
    // without images).
    explicit CheckpointEvaluator(const EvalOptions &options);
    ~CheckpointEvaluator();
    CheckpointEvaluator(const CheckpointEvaluator &) = delete;
    CheckpointEvaluator &operator=(const CheckpointEvaluator &) = delete;

    const std::vector<EvalTarget> &targets() const;
    // The folder whose metrics.csv the results belong to (the run folder).
    const std::string &runDir() const;

    // Evaluates every target; after each checkpoint (both directions) `onRows` receives its two
    // rows. Throws Cancelled once `stop` is set (rows already passed to onRows stay valid),
    // DatasetError when a test folder has no readable image, CheckpointError, DeviceError.
    EvalSummary run(const std::atomic<bool> &stop, const ProgressHandler &onProgress = {},
                    const RowsHandler &onRows = {});

    // The targets of options.model and `epoch` (see EvalOptions::epoch), and the run folder.
    static std::vector<EvalTarget> findTargets(const std::string &model, const std::string &epoch,
                                               std::string *runDirOut = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cgs
