#include "core/engine/train/trainer.h"

#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/device.h"
#include "core/engine/device_util.h"
#include "core/engine/train/data_parallel.h"
#include "core/engine/dist/distributed_error.h"
#include "core/engine/dist/distributed_sampler.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/train/lr_schedule.h"
#include "core/engine/official/official_run_folder.h"
#include "core/engine/official/official_weights.h"
#include "core/engine/train/preview_grid.h"
#include "core/engine/train/run_folder.h"
#include "core/engine/train/run_heartbeat.h"
#include "core/engine/train/run_lock.h"
#include "core/engine/train/torch_failure.h"
#include "core/engine/train/training_checkpoint.h"
#include "core/engine/train/capturable_step.h"
#include "core/engine/torch_compat.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::string epochTag(int epoch) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "epoch_%04d", epoch);
    return buf;
}

// True when the count of images seen went past a multiple of `freq` with this step.
bool crossed(std::int64_t imagesBefore, std::int64_t imagesAfter, int freq) {
    return imagesAfter / freq != imagesBefore / freq;
}

std::uint64_t resolveSeed(std::int64_t seed) {
    if (seed >= 0)
        return static_cast<std::uint64_t>(seed);
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 20) ^ rd();
}

// "A 40x40, B 48x36" (one size per domain when a batch shares it).
std::string describeSizes(const torch::Tensor &a, const torch::Tensor &b) {
    const auto side = [](const torch::Tensor &t) {
        return std::to_string(t.size(3)) + "x" + std::to_string(t.size(2));
    };
    return "A " + side(a) + ", B " + side(b);
}

} // namespace

struct Trainer::Impl {
    TrainOptions options;
    std::unique_ptr<UnpairedSource> source;
    std::shared_ptr<ImageWriter> writer;
    torch::Device device{torch::kCPU};
    std::unique_ptr<CycleGanModel> model;
    std::unique_ptr<CapturableStep> capturable; // --train_step capturable / --cuda_graph on
    RunFolder folder{""};
    RunLock lock; // held from prepare() to destruction: one training per run folder
    TrainingCounters counters;
    std::int64_t epochSize = 0;
    int lastEpoch = 0;
    double smoothedSeconds = 0;
    double lr = 0; // learning rate of the epoch in progress
    std::string resumedFrom; // checkpoint folder, when continuing a run
    // The newest checkpoint on disk for this run: the one resumed from, then each one saved
    // (folder and iteration); empty until there is one.
    std::string lastCheckpoint;
    std::int64_t lastCheckpointIteration = 0;
    std::vector<std::string> startWarnings; // damaged checkpoints skipped, no run lock
    std::mutex warningsMutex;
    std::vector<std::string> warnings; // from loader threads, drained on the training thread
    std::vector<std::pair<torch::Tensor, StepReport>> pending; // losses not read back yet
    std::shared_ptr<ProcessGroup> group;
    std::unique_ptr<DataParallel> dp;        // null: one process, as before
    DistributedSampler sampler{1, 0, 1};     // this rank's share of each epoch's order
    std::string startFrom;                   // checkpoint to resume from (decided by rank 0)
    std::vector<std::string> officialFiles;  // G_A, G_B, D_A, D_B of an official run folder

    Impl(TrainOptions o, std::unique_ptr<UnpairedSource> s, std::shared_ptr<ImageWriter> w,
         std::shared_ptr<ProcessGroup> g)
        : options(std::move(o)), source(std::move(s)), writer(std::move(w)),
          folder(options.runDir()), group(std::move(g)) {}

    bool isMain() const { return !dp || dp->rank() == 0; }
    int world() const { return dp ? dp->worldSize() : 1; }
    void prepare();
    void decideStart();
    void shareStart(std::exception_ptr failure);
    void restoreRankState();
    void prepareLocked();
    void oneStep(TrainingObserver &observer, std::int64_t index);
    void flush(TrainingObserver &observer);
    void preview(TrainingObserver &observer);
    void save(TrainingObserver &observer, const std::string &tag);
    std::string rescueGenerators(const std::string &tag);
    // True when epoch `epoch` ends with a checkpoint (epoch_N and latest): every
    // save_epoch_freq epochs and the last one, as the official code.
    bool epochEndSaves(int epoch) const;
    void drainWarnings(TrainingObserver &observer);
    std::int64_t totalIterations() const {
        return epochSize * (lastEpoch - options.epochCount + 1);
    }
};

void Trainer::Impl::prepare() {
    options.validate();
    applyCpuThreads(options.cpuThreads);
    device = resolveDevice(options.device);
    if (!source || source->size() <= 0)
        throw DatasetError("The training dataset is empty");
    if (group && group->worldSize() > 1) {
        dp = std::make_unique<DataParallel>(group);
        options.worldSize = dp->worldSize();
        dp->checkSameSetup(options, source->sizeA(), source->sizeB());
        // Every rank has the same options now, so every rank refuses together.
        if (options.cudaGraph)
            throw ConfigError("--cuda_graph on cannot run with " + std::to_string(world()) +
                              " processes: the gradient averaging between the backward pass and "
                              "the optimizer step is not captured into the graph; use "
                              "--cuda_graph off (--train_step capturable runs eagerly with "
                              "several processes)");
    }
    // Rank 0 alone takes the lock and decides how the run starts; the others learn it (or why
    // rank 0 refused) from it, so that every rank fails or starts together.
    std::exception_ptr failure;
    bool locked = false;
    if (isMain()) {
        try {
            lock = RunLock(folder.dir());
            locked = true;
            if (!lock.warning().empty())
                startWarnings.push_back(lock.warning()); // reported when the run starts
            decideStart();
        } catch (...) {
            failure = std::current_exception();
        }
    }
    if (dp)
        shareStart(failure);
    try {
        if (failure)
            std::rethrow_exception(failure);
        prepareLocked();
    } catch (...) {
        if (locked) // a run that never started leaves no empty folder behind
            lock.release(RunLock::Cleanup::RemoveCreatedFolder);
        throw;
    }
}

// Rank 0 (or the single process): how the run starts, from the run folder.
void Trainer::Impl::decideStart() {
    // A run folder of the official train.py (<epoch>_net_G_A.pth, ...) and no checkpoint of
    // ours yet: --continue_train continues it as the official code would.
    const bool ours = TrainingCheckpoint::holdsAny(folder.checkpointsDir());
    const bool officialRun = !ours && !listOfficialEpochs(folder.dir()).empty();
    // A run folder whose first start failed before its first checkpoint (a bad option found
    // in the first step, a crash) holds nothing worth keeping: it can be started again.
    const bool restart = folder.holdsRun() && !ours && !officialRun;
    if (restart && options.continueTrain)
        throw CheckpointError("Run folder '" + folder.dir() + "' holds no checkpoint '" +
                              options.epoch + "' to continue from: its first start ended " +
                              "before writing one. Run the same command without " +
                              "--continue_train to start it again");
    if (restart) {
        std::error_code ec;
        fs::remove_all(folder.previewsDir(), ec);
        startWarnings.push_back("Run folder '" + folder.dir() + "' held no checkpoint (its " +
                                "first start ended before writing one): starting it again");
    }
    if (folder.holdsRun() && !restart && !options.continueTrain)
        throw ConfigError("Run folder '" + folder.dir() + "' already holds a run: use " +
                          "--continue_train to resume it, or choose another --name");
    if (officialRun && !options.continueTrain)
        throw ConfigError("Run folder '" + folder.dir() + "' holds a run of the official code: " +
                          "use --continue_train to continue it, or choose another --name");
    if (officialRun) {
        for (const char *net : {"G_A", "G_B", "D_A", "D_B"})
            officialFiles.push_back(officialWeightFile(folder.dir(), options.epoch, {net}));
    } else if (options.continueTrain) {
        std::vector<std::string> skipped;
        startFrom =
            TrainingCheckpoint::locateIntact(folder.checkpointsDir(), options.epoch, skipped);
        for (const auto &s : skipped)
            startWarnings.push_back("Skipped a damaged checkpoint: " + s);
        if (!skipped.empty())
            startWarnings.push_back("Resuming from the previous good checkpoint '" + startFrom +
                                     "' instead of '" + options.epoch + "'");
    }
    counters.seed = resolveSeed(options.seed);
}

void Trainer::Impl::shareStart(std::exception_ptr failure) {
    nlohmann::json decision = {{"resume", startFrom}, {"official", officialFiles},
                               {"seed", counters.seed}};
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception &e) {
            decision = {{"error", e.what()}};
        }
    }
    const auto shared = nlohmann::json::parse(dp->group().shareFromMain(decision.dump()));
    if (isMain())
        return;
    if (shared.contains("error"))
        throw ConfigError("Rank 0 did not start: " + shared["error"].get<std::string>());
    startFrom = shared["resume"].get<std::string>();
    officialFiles = shared["official"].get<std::vector<std::string>>();
    counters.seed = shared["seed"].get<std::uint64_t>();
}

// Multi-process runs: every rank's own pools and random stream. A checkpoint of the same
// world size gives each rank exactly its saved state; otherwise the pools a rank finds are
// kept and its random stream is re-seeded from (seed, rank, iteration), which is said once.
void Trainer::Impl::restoreRankState() {
    const int saved = startFrom.empty() ? 0 : TrainingCheckpoint::worldSize(startFrom);
    if (saved == world()) {
        if (!isMain())
            TrainingCheckpoint::loadRank(startFrom, dp->rank(), *model);
        return;
    }
    if (saved > 0) {
        if (dp->rank() < saved && !isMain())
            TrainingCheckpoint::loadRank(startFrom, dp->rank(), *model);
        const std::int64_t consumed = counters.epochIteration * options.batchSize * saved;
        const std::int64_t perStep = static_cast<std::int64_t>(options.batchSize) * world();
        counters.epochIteration = (consumed + perStep - 1) / perStep;
        startWarnings.push_back(
            "The checkpoint was written by " + std::to_string(saved) + " process(es), this run has " +
            std::to_string(world()) + ": networks, optimizers and counters continue exactly; the " +
            "epoch continues at step " + std::to_string(counters.epochIteration) + " of the new " +
            "sharding; image pools are kept where the rank existed (empty otherwise) and every " +
            "rank's random stream is re-seeded from (seed, rank, iteration)");
    }
    dp->seedRank(counters.seed, counters.iteration);
}

// Every rank: builds the model and loads what rank 0 decided.
void Trainer::Impl::prepareLocked() {
    torch::manual_seed(counters.seed);
    model = std::make_unique<CycleGanModel>(options, device);
    model->initWeights();
    if (options.channelsLast && !model->channelsLast())
        startWarnings.push_back(
            "--channels_last is ignored: LibTorch " + compat::torchVersionString() +
            "'s instance norm computes wrong gradients for channels-last tensors on " +
            device.str() + " (checked at start), so the networks run in the default NCHW layout");
    counters.epoch = options.epochCount;
    if (!startFrom.empty()) {
        counters = TrainingCheckpoint::load(startFrom, *model);
        resumedFrom = startFrom;
        lastCheckpoint = startFrom;
        lastCheckpointIteration = counters.iteration;
    }
    if (!officialFiles.empty()) {
        loadOfficialWeightsInto(*model->netGA, officialFiles[0]);
        loadOfficialWeightsInto(*model->netGB, officialFiles[1]);
        loadOfficialWeightsInto(*model->netDA, officialFiles[2]);
        loadOfficialWeightsInto(*model->netDB, officialFiles[3]);
        startWarnings.push_back(
            "Continuing the official run from " + folder.dir() + "/" +
            officialEpochTag(options.epoch) + "_net_{G_A,G_B,D_A,D_B}.pth at epoch " +
            std::to_string(options.epochCount) +
            " (--epoch_count): the official files hold no optimizer moments, image pools or "
            "random states, so these start fresh, as in the official --continue_train; from "
            "now on the run folder also holds this tool's checkpoints, which resume exactly");
    }
    options.seed = static_cast<std::int64_t>(counters.seed);
    if (dp) {
        dp->attach(*model);
        restoreRankState(); // before the capturable step takes the pools from the model
        sampler = DistributedSampler(source->size(), dp->rank(), dp->worldSize());
    } else {
        sampler = DistributedSampler(source->size(), 0, 1);
    }
    source->setSeed(counters.seed);
    source->setWarningHandler([this](const std::string &message) {
        std::lock_guard<std::mutex> lock(warningsMutex);
        warnings.push_back(message);
    });
    epochSize = sampler.stepsPerEpoch(options.batchSize);
    lastEpoch = options.totalEpochs();
    if (options.capturableStep()) {
        if (options.cudaGraph && !device.is_cuda())
            throw ConfigError("--cuda_graph on needs a CUDA device (--device is " +
                              options.device + ")");
        capturable = std::make_unique<CapturableStep>(
            *model, options.cudaGraph ? StepExecution::CudaGraph : StepExecution::Eager);
    }
    if (isMain()) {
        folder.create(options);
        folder.startLossLog(startFrom.empty() ? RunFolder::LossLog::New
                                              : RunFolder::LossLog::Resume,
                            counters.iteration);
    }
}

Trainer::Trainer(TrainOptions options, std::unique_ptr<UnpairedSource> source,
                 std::shared_ptr<ImageWriter> previewWriter, std::shared_ptr<ProcessGroup> group)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(source),
                                    std::move(previewWriter), std::move(group))) {
    try {
        m_impl->prepare();
    } catch (const c10::Error &e) {
        rethrowTorchFailure(e, m_impl->options, "preparing the training");
    }
}

Trainer::~Trainer() = default;

const TrainOptions &Trainer::options() const { return m_impl->options; }
std::int64_t Trainer::iteration() const { return m_impl->counters.iteration; }
std::string Trainer::deviceDescription() const {
    return describeDevice(m_impl->options.device, m_impl->options.cpuThreads).description;
}

void Trainer::Impl::drainWarnings(TrainingObserver &observer) {
    std::vector<std::string> list;
    {
        std::lock_guard<std::mutex> lock(warningsMutex);
        list.swap(warnings);
    }
    for (const auto &w : list)
        observer.logged(LogLevel::Warning, w);
}

void Trainer::Impl::oneStep(TrainingObserver &observer, std::int64_t index) {
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t first = index * options.batchSize;
    const std::int64_t last = std::min(first + options.batchSize, sampler.samplesPerRank());
    std::vector<TrainingPair> pairs;
    for (std::int64_t i = first; i < last; ++i)
        pairs.push_back(source->pair(counters.epoch, sampler.position(i)));
    if (dp)
        dp->group().setProgress(counters.iteration + 1);
    // The capturable step copies host batches itself (pinned memory, non-blocking).
    const auto [realA, realB] = pairsToBatches(pairs, capturable ? torch::kCPU : device);
    torch::Tensor losses;
    try {
        losses = capturable ? capturable->step(realA, realB) : model->step(realA, realB);
    } catch (const c10::Error &e) {
        rethrowTorchFailure(e, options,
                            "training step " + std::to_string(counters.iteration + 1) +
                                " (epoch " + std::to_string(counters.epoch) + ")",
                            describeSizes(realA, realB));
    }
    const std::int64_t globalBatch = static_cast<std::int64_t>(options.batchSize) * world();
    const std::int64_t imagesBefore = counters.iteration * globalBatch;
    counters.iteration += 1;
    counters.epochIteration = index + 1;
    StepReport r;
    r.iteration = counters.iteration;
    r.totalIterations = totalIterations();
    r.epoch = counters.epoch;
    r.totalEpochs = lastEpoch;
    r.epochIteration = index + 1;
    r.epochSize = epochSize;
    r.lr = lr;
    pending.emplace_back(losses, r);
    // Reading losses forces a device sync; on a GPU do it every few steps only.
    if (!device.is_cuda() || pending.size() >= 10)
        flush(observer);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    smoothedSeconds = smoothedSeconds == 0 ? seconds : 0.9 * smoothedSeconds + 0.1 * seconds;
    const std::int64_t imagesAfter = counters.iteration * globalBatch;
    if (crossed(imagesBefore, imagesAfter, options.displayFreq) && isMain())
        preview(observer);
    // The last step of an epoch that ends with a checkpoint leaves `latest` to the epoch end,
    // which writes it at this same iteration: once, not twice.
    const bool savedAtEpochEnd = index + 1 == epochSize && epochEndSaves(counters.epoch);
    if (crossed(imagesBefore, imagesAfter, options.saveLatestFreq) && !savedAtEpochEnd)
        save(observer, "latest");
}

bool Trainer::Impl::epochEndSaves(int epoch) const {
    return epoch % options.saveEpochFreq == 0 || epoch == lastEpoch;
}

void Trainer::Impl::flush(TrainingObserver &observer) {
    if (pending.empty())
        return;
    std::vector<torch::Tensor> all;
    for (auto &p : pending)
        all.push_back(p.first);
    auto stacked = torch::stack(all);
    if (dp)
        stacked = dp->average(stacked); // loss_log.csv: the mean over the ranks
    const auto values = stacked.to(torch::kCPU, torch::kDouble).contiguous();
    const double *v = values.data_ptr<double>();
    std::vector<StepReport> reports;
    for (size_t i = 0; i < pending.size(); ++i, v += 8) {
        StepReport r = pending[i].second;
        r.losses = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
        const auto vec = r.losses.toVector();
        for (size_t k = 0; k < vec.size(); ++k)
            if (!std::isfinite(vec[k]))
                throw TrainingError("Loss " + LossValues::names()[k] + " became " +
                                    std::to_string(vec[k]) + " at iteration " +
                                    std::to_string(r.iteration) + " (epoch " +
                                    std::to_string(r.epoch) + "); stopped. " +
                                    (lastCheckpoint.empty()
                                         ? std::string("No checkpoint was written before it, so "
                                                       "there is nothing to resume: start again")
                                         : "The last checkpoint '" + lastCheckpoint +
                                               "' (iteration " +
                                               std::to_string(lastCheckpointIteration) +
                                               ") is kept") +
                                    ". Try a lower --lr.");
        r.secondsPerIteration = smoothedSeconds;
        r.etaSeconds = smoothedSeconds * static_cast<double>(r.totalIterations - r.iteration);
        reports.push_back(r);
    }
    pending.clear();
    if (isMain()) {
        folder.appendLosses(reports);
        for (const auto &r : reports)
            observer.stepFinished(r);
    }
    drainWarnings(observer);
}

void Trainer::Impl::preview(TrainingObserver &observer) {
    std::vector<TrainingPair> pairs;
    for (int k = 0; k < options.previewCount; ++k)
        pairs.push_back(source->previewPair(k));
    PreviewReport report;
    report.iteration = counters.iteration;
    report.epoch = counters.epoch;
    // One pair at a time: preview images may differ in size (--preprocess none, scale_width).
    for (const TrainingPair &pair : pairs) { // grouped per pair: one grid row per direction
        const auto [realA, realB] = pairsToBatches({pair}, device);
        for (const auto &[name, batch] : model->preview(realA, realB))
            report.images.emplace_back(name, tensorToImage(batch[0]));
    }
    report.grid = previewGrid(report.images, options.lambdaIdentity > 0 ? 4 : 3);
    report.path = folder.previewPath(counters.epoch, counters.iteration,
                                     writer ? writer->extension() : ".ppm");
    try {
        if (writer)
            writer->write(report.path, report.grid);
        else
            writePpm(report.path, report.grid);
    } catch (const Error &e) {
        observer.logged(LogLevel::Warning, e.what()); // a preview is not worth stopping for
        report.path.clear();
    }
    observer.previewReady(report);
}

void Trainer::Impl::save(TrainingObserver &observer, const std::string &tag) {
    flush(observer); // never checkpoint past a loss that was not checked
    if (capturable)
        capturable->syncToModel();
    std::vector<std::string> otherRanks;
    if (dp)
        otherRanks = dp->gatherStates(*model);
    if (!isMain())
        return;
    CheckpointReport report;
    try {
        report.path = TrainingCheckpoint::save(folder.checkpointsDir(), tag, *model, counters,
                                               otherRanks);
    } catch (const IoError &e) {
        throw IoError(e.what() + rescueGenerators(tag));
    } catch (const CheckpointError &e) {
        throw CheckpointError(e.what() + rescueGenerators(tag));
    }
    lastCheckpoint = report.path;
    lastCheckpointIteration = counters.iteration;
    report.tag = tag;
    report.iteration = counters.iteration;
    report.epoch = counters.epoch;
    observer.checkpointSaved(report);
}

// The last resort when a checkpoint cannot be written (its folder, or the training state it
// holds, failed): the two generators, which are what a user translates with, are written alone
// as a model folder under rescued/, so that the training is never lost. Returns the sentence
// that the checkpoint's message gets: where they are, or why even that failed.
std::string Trainer::Impl::rescueGenerators(const std::string &tag) {
    const std::string dir = folder.rescuedGeneratorsDir(tag, counters.iteration);
    std::error_code ec;
    try {
        fs::create_directories(dir);
        saveModelFolder(dir, model->netGA, model->netGB);
    } catch (const std::exception &e) {
        fs::remove_all(dir, ec); // no half model folder on a full disk
        return "; saving the generators alone to '" + dir + "' failed too: " + e.what();
    }
    return "; the generators of iteration " + std::to_string(counters.iteration) +
           " were saved alone to '" + dir + "' (translate with --model " + dir + ")";
}

TrainSummary Trainer::run(TrainingObserver &observer, TrainControl &control) {
    Impl &d = *m_impl;
    TrainSummary summary;
    summary.runDir = d.folder.dir();
    // heartbeat.json (RunFolder's format): "training" from here, the ending when this returns,
    // "failed" when an exception leaves. Rank 0 alone writes the run folder.
    std::unique_ptr<RunHeartbeat> heartbeat;
    if (d.isMain())
        heartbeat = std::make_unique<RunHeartbeat>(d.folder, d.lastEpoch, d.totalIterations());
    const auto start = std::chrono::steady_clock::now();
    if (d.isMain())
        observer.logged(LogLevel::Info, "Training on " + deviceDescription() + ", seed " +
                                            std::to_string(d.counters.seed) + ", " +
                                            std::to_string(d.epochSize) + " steps per epoch");
    if (d.dp && d.isMain())
        observer.logged(LogLevel::Info,
                        "Data parallel: " + std::to_string(d.world()) + " processes (" +
                            d.dp->group().backendName() + "), global batch " +
                            std::to_string(d.world() * d.options.batchSize));
    for (const auto &w : d.startWarnings)
        observer.logged(LogLevel::Warning, w);
    if (!d.resumedFrom.empty() && d.isMain())
        observer.logged(LogLevel::Info, "Resumed from " + d.resumedFrom + " at iteration " +
                                            std::to_string(d.counters.iteration) + " (epoch " +
                                            std::to_string(d.counters.epoch) + ")");
    try {
        bool stopped = false;
        while (d.counters.epoch <= d.lastEpoch && !stopped) {
            d.lr = d.options.lr * linearDecayFactor(d.counters.epoch, d.options.nEpochs,
                                                    d.options.nEpochsDecay);
            d.model->setLearningRate(d.lr);
            if (d.capturable)
                d.capturable->setLearningRate(d.lr);
            for (std::int64_t i = d.counters.epochIteration; i < d.epochSize; ++i) {
                if (control.pauseRequested() && !d.dp) { // one process: pausing waits here
                    d.flush(observer);
                    observer.logged(LogLevel::Info, "Paused");
                    heartbeat->setPause(RunHeartbeat::Pause::Paused);
                    if (control.waitWhilePaused())
                        observer.logged(LogLevel::Info, "Resumed");
                    heartbeat->setPause(RunHeartbeat::Pause::Running);
                }
                // Every rank stops at the same step when any of them is asked to.
                if (d.dp ? d.dp->anyStop(control.stopRequested()) : control.stopRequested()) {
                    stopped = true;
                    break;
                }
                d.oneStep(observer, i);
                if (heartbeat)
                    heartbeat->progress(d.counters.epoch, d.counters.iteration);
            }
            if (stopped)
                break;
            d.flush(observer);
            const int done = d.counters.epoch;
            d.counters.epoch += 1;
            d.counters.epochIteration = 0;
            // As the official code: latest + epoch_N every save_epoch_freq epochs (and at the end).
            if (d.epochEndSaves(done)) {
                d.save(observer, epochTag(done));
                d.save(observer, "latest");
            }
        }
        if (stopped)
            d.save(observer, "latest");
        summary.finished = !stopped;
        if (heartbeat) {
            heartbeat->progress(std::min(d.counters.epoch, d.lastEpoch), d.counters.iteration);
            heartbeat->end(stopped ? RunFolder::RunState::Stopped : RunFolder::RunState::Finished);
        }
    } catch (const c10::Error &e) {
        if (d.dp)
            d.dp->group().reportFailure(e.what_without_backtrace());
        rethrowTorchFailure(e, d.options,
                            "training after iteration " + std::to_string(d.counters.iteration));
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        if (d.dp) // the other ranks name this rank and this cause instead of "died"
            d.dp->group().reportFailure(e.what());
        throw;
    }
    summary.iterations = d.counters.iteration;
    summary.epoch = std::min(d.counters.epoch, d.lastEpoch);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace cgs
