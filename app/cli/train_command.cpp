#include "app/cli/command.h"
#include "app/cli/stop_signal_watcher.h"

#include "app/cli/dist_setup.h"
#include "app/cli/official_options.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/error.h"
#include "core/engine/metrics/inception_weights.h"
#include "core/engine/train/trainer.h"
#include "core/imageio/evaluating_observer.h"
#include "core/imageio/folder_source.h"
#include "core/imageio/dataset_scan.h"
#include "core/imageio/png_writer.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace cgs::cli {
namespace {

// Prints the official-style progress line every print_freq images, warnings and checkpoints.
class ConsoleObserver : public TrainingObserver {
public:
    explicit ConsoleObserver(const TrainOptions &o) : m_options(o) {}

    void stepFinished(const StepReport &r) override {
        // Images of all processes (global batch = world size x --batch_size).
        const std::int64_t batch =
            static_cast<std::int64_t>(m_options.batchSize) * m_options.worldSize;
        const std::int64_t images = r.iteration * batch;
        if (images / m_options.printFreq == (images - batch) / m_options.printFreq &&
            r.iteration != r.totalIterations)
            return;
        const auto &l = r.losses;
        std::printf("(epoch %d/%d, iter %lld/%lld, total %lld/%lld) lr %.6g | D_A %.3f G_A %.3f "
                    "cycle_A %.3f idt_A %.3f D_B %.3f G_B %.3f cycle_B %.3f idt_B %.3f | "
                    "%.2f it/s | ETA %s\n",
                    r.epoch, r.totalEpochs, static_cast<long long>(r.epochIteration),
                    static_cast<long long>(r.epochSize), static_cast<long long>(r.iteration),
                    static_cast<long long>(r.totalIterations), r.lr, l.dA, l.gA, l.cycleA, l.idtA,
                    l.dB, l.gB, l.cycleB, l.idtB,
                    r.secondsPerIteration > 0 ? 1.0 / r.secondsPerIteration : 0.0,
                    formatDuration(r.etaSeconds).c_str());
        std::fflush(stdout);
    }
    void checkpointSaved(const CheckpointReport &r) override {
        std::printf("saved checkpoint '%s' (iteration %lld) to %s\n", r.tag.c_str(),
                    static_cast<long long>(r.iteration), r.path.c_str());
        std::fflush(stdout);
    }
    void logged(LogLevel level, const std::string &message) override {
        if (level == LogLevel::Info)
            std::printf("%s\n", message.c_str());
        else
            std::fprintf(stderr, "%s: %s\n", level == LogLevel::Warning ? "warning" : "error",
                         message.c_str());
        std::fflush(stdout);
    }

private:
    TrainOptions m_options;
};

struct TrainArgs {
    TrainOptions o;
    std::string preprocess = "resize_and_crop";
    std::string ganMode = "lsgan";
    bool noDropout = true;
    std::string norm = "instance";
    std::string model = "cycle_gan";
    int evalFreq = 0; // epochs; 0 = no evaluation during training
    EvalOptions eval;
    std::string evalMetrics = "fid,kid,swd";
    std::string cudaGraph = "off";
    DistOptions dist;
    std::unique_ptr<OfficialOptions> official; // train.py's options without one of ours
};

void addDataOptions(CLI::App *cmd, TrainArgs &a) {
    auto &o = a.o;
    cmd->add_option("--dataroot", o.dataroot, "Folder with trainA/ and trainB/ (domains A and B)");
    cmd->add_option("--dirA", o.dirA, "Domain A folder (instead of <dataroot>/trainA)");
    cmd->add_option("--dirB", o.dirB, "Domain B folder (instead of <dataroot>/trainB)");
    cmd->add_option("--phase", o.phase, "Sub-folder prefix: <dataroot>/<phase>A")->capture_default_str();
    cmd->add_option("--preprocess", a.preprocess,
                    "resize_and_crop | crop | scale_width | scale_width_and_crop | none")
        ->capture_default_str();
    cmd->add_option("--load_size", o.loadSize, "Scale images to this size")->capture_default_str();
    cmd->add_option("--crop_size", o.cropSize, "Then crop to this size")->capture_default_str();
    cmd->add_flag("--no_flip", o.noFlip, "No random horizontal flip");
    cmd->add_flag("--serial_batches", o.serialBatches, "Take images in order, not at random");
    cmd->add_option("--max_dataset_size", o.maxDatasetSize, "Use at most this many images per domain");
    cmd->add_option("--num_threads", o.numThreads, "Image decoding threads")->capture_default_str();
    cmd->add_option("--batch_size", o.batchSize, "Images per step")->capture_default_str();
}

void addModelOptions(CLI::App *cmd, TrainArgs &a) {
    auto &o = a.o;
    cmd->add_option("--model", a.model, "Only cycle_gan")->capture_default_str();
    cmd->add_option("--netG", o.netG, "resnet_9blocks | resnet_6blocks")->capture_default_str();
    cmd->add_option("--netD", o.netD, "basic | n_layers")->capture_default_str();
    cmd->add_option("--n_layers_D", o.nLayersD, "Layers of D with --netD n_layers")->capture_default_str();
    cmd->add_option("--ngf", o.ngf, "Generator filters in the first layer")->capture_default_str();
    cmd->add_option("--ndf", o.ndf, "Discriminator filters in the first layer")->capture_default_str();
    cmd->add_option("--input_nc", o.inputNc, "Input channels (3)")->capture_default_str();
    cmd->add_option("--output_nc", o.outputNc, "Output channels (3)")->capture_default_str();
    cmd->add_option("--norm", a.norm, "Only instance")->capture_default_str();
    cmd->add_flag("--no_dropout", a.noDropout, "Accepted for compatibility (CycleGAN uses no dropout)");
    cmd->add_option("--init_type", o.initType, "normal | xavier | kaiming | orthogonal")->capture_default_str();
    cmd->add_option("--init_gain", o.initGain, "Scale of the initial weights")->capture_default_str();
    cmd->add_option("--gan_mode", a.ganMode, "lsgan | vanilla")->capture_default_str();
    cmd->add_option("--lambda_A", o.lambdaA, "Weight of cycle loss A->B->A")->capture_default_str();
    cmd->add_option("--lambda_B", o.lambdaB, "Weight of cycle loss B->A->B")->capture_default_str();
    cmd->add_option("--lambda_identity", o.lambdaIdentity,
                    "Identity loss weight, relative to lambda_A/B (0 = off)")->capture_default_str();
    cmd->add_option("--pool_size", o.poolSize, "Stored fakes per direction (0 = none)")->capture_default_str();
}

void addRunOptions(CLI::App *cmd, TrainArgs &a) {
    auto &o = a.o;
    cmd->add_option("--name", o.name, "Run name: the run folder is <checkpoints_dir>/<name>")->capture_default_str();
    cmd->add_option("--checkpoints_dir", o.checkpointsDir, "Where run folders live")->capture_default_str();
    cmd->add_option("--lr", o.lr, "Initial Adam learning rate")->capture_default_str();
    cmd->add_option("--beta1", o.beta1, "Adam beta1")->capture_default_str();
    cmd->add_option("--n_epochs,--niter", o.nEpochs, "Epochs at the initial learning rate (--niter: its name in old versions)")->capture_default_str();
    cmd->add_option("--n_epochs_decay,--niter_decay", o.nEpochsDecay, "Epochs of linear decay to 0 (--niter_decay: its old name)")->capture_default_str();
    cmd->add_option("--epoch_count", o.epochCount, "Number of the first epoch")->capture_default_str();
    cmd->add_option("--save_epoch_freq", o.saveEpochFreq, "Keep a checkpoint every N epochs")->capture_default_str();
    cmd->add_option("--save_latest_freq", o.saveLatestFreq, "Write the latest checkpoint every N images")->capture_default_str();
    cmd->add_option("--print_freq", o.printFreq, "Progress line every N images")->capture_default_str();
    cmd->add_option("--display_freq", o.displayFreq, "Preview grid every N images")->capture_default_str();
    cmd->add_flag("--continue_train", o.continueTrain, "Resume the run from its checkpoint <epoch> (default latest)");
    cmd->add_option("--epoch", o.epoch, "Checkpoint to resume from (latest, epoch_0005, ...)")->capture_default_str();
    cmd->add_option("--device", o.device, "auto | cpu | cuda | cuda:N")->capture_default_str();
    cmd->add_option("--seed", o.seed, "Random seed (-1 = random; printed and saved)")->capture_default_str();
    cmd->add_option("--cpu_threads", o.cpuThreads, "LibTorch threads on the CPU (0 = all cores)")->capture_default_str();
    cmd->add_option("--precision", o.precision, "fp32 | bf16 | fp16 (autocast of the forward passes)")->capture_default_str();
    cmd->add_flag("--channels_last", o.channelsLast, "NHWC memory format (faster on some CPUs/GPUs)");
    cmd->add_option("--train_step", o.trainStep,
                    "standard | capturable (pool and Adam state on the device, no host sync "
                    "in a step; images of one size)")->capture_default_str();
    cmd->add_option("--cuda_graph", a.cudaGraph,
                    "off | on: EXPERIMENTAL, not verified on a GPU yet: capture the capturable "
                    "step as one CUDA graph (CUDA, images of one size)")->capture_default_str();
    cmd->add_option("--eval_freq", a.evalFreq,
                    "Evaluate every N-th saved epoch checkpoint in the background (FID/KID/SWD "
                    "on <dataroot>/testA and testB, appended to metrics.csv; 0 = off)")
        ->capture_default_str();
    cmd->add_option("--eval_metrics", a.evalMetrics, "Metrics of --eval_freq: fid, kid, swd")
        ->capture_default_str();
    cmd->add_option("--inception_weights", a.eval.inceptionWeights,
                    "pt_inception-2015-12-05-6726825d.pth for --eval_freq (see `cyclegan eval`)");
}

// The --eval_freq options, checked before the run folder is touched.
void prepareEvaluationHere(TrainArgs &a) {
    if (a.evalFreq <= 0)
        return;
    const TrainOptions &o = a.o;
    a.eval.metrics = EvalMetrics::parse(a.evalMetrics);
    a.eval.testA = o.dataroot + "/testA";
    a.eval.testB = o.dataroot + "/testB";
    a.eval.device = o.device;
    a.eval.cpuThreads = o.cpuThreads;
    if (o.dataroot.empty())
        throw ConfigError("--eval_freq needs --dataroot with testA/ and testB/");
    requireImageFiles(a.eval.testA);
    requireImageFiles(a.eval.testB);
    if (a.eval.metrics.needsInception())
        a.eval.inceptionWeights = resolveInceptionWeights(a.eval.inceptionWeights);
}

// With several processes, rank 0 alone evaluates (it writes the checkpoints): it checks the test
// folders and the Inception weights, and every rank refuses together when rank 0 does.
void prepareEvaluation(TrainArgs &a, ProcessGroup *group) {
    if (!group) {
        prepareEvaluationHere(a);
        return;
    }
    std::exception_ptr failure;
    std::string message;
    if (group->isMain()) {
        try {
            prepareEvaluationHere(a);
        } catch (const std::exception &e) {
            failure = std::current_exception();
            message = e.what();
        }
    } else {
        a.evalFreq = 0;
    }
    message = group->shareFromMain(message); // a collective: every rank calls it
    if (failure)
        std::rethrow_exception(failure);
    if (!message.empty())
        throw ConfigError("Rank 0 did not start: " + message);
}

// A torchrun restart continues a run that has a checkpoint to continue from.
bool holdsCheckpoints(const std::string &runDir) {
    try {
        return !listCheckpoints(runDir).empty();
    } catch (const CheckpointError &) {
        return false;
    }
}

// The --eval_freq hook: the trainer is unchanged, the observer hands saved epoch checkpoints to a
// background evaluator (core/imageio/evaluating_observer.h).
std::unique_ptr<EvaluatingObserver> makeEvaluatingObserver(TrainArgs &a, TrainingObserver &inner) {
    if (a.evalFreq <= 0)
        return nullptr;
    const TrainOptions &o = a.o;
    return std::make_unique<EvaluatingObserver>(inner, a.eval, o.checkpointsDir + "/" + o.name,
                                                a.evalFreq);
}

int runTrain(TrainArgs &a) {
    if (a.model == "test")
        throw ConfigError("--model test is test.py's model: translate with `cyclegan test` (the "
                          "same options) or `cyclegan translate`");
    if (a.model != "cycle_gan")
        throw ConfigError("--model '" + a.model + "' is not supported: this program trains "
                          "cycle_gan (unpaired); pix2pix and colorization need paired data");
    a.official->check();
    a.o.device = a.official->device(a.o.device);
    if (a.norm != "instance")
        throw ConfigError("--norm '" + a.norm + "' is not supported (only instance)");
    a.o.preprocess = preprocessFromString(a.preprocess);
    a.o.ganMode = ganModeFromString(a.ganMode);
    if (a.cudaGraph != "on" && a.cudaGraph != "off")
        throw ConfigError("--cuda_graph must be on or off, got '" + a.cudaGraph + "'");
    a.o.cudaGraph = a.cudaGraph == "on";
    a.o.validate();
    const DistEnv env = DistEnv::fromEnvironment();
    if (env.isMain())
        a.official->noteIgnored();
    // torchrun --max_restarts restarts every rank after a failure: continue from latest when
    // the run has a checkpoint (else main's rule starts the run folder again).
    if (env.restartCount > 0 && !a.o.continueTrain && holdsCheckpoints(a.o.runDir())) {
        a.o.continueTrain = true;
        a.o.epoch = "latest";
        if (env.isMain())
            std::printf("restart %d of the job (TORCHELASTIC_RESTART_COUNT): continuing the run "
                        "from its latest checkpoint\n", env.restartCount);
    }
    auto group = joinFromEnvironment(env, a.dist, a.o.device);
    prepareEvaluation(a, group.get());
    auto source = std::make_unique<FolderSource>(a.o);
    if (env.isMain())
        std::printf("dataset: %lld images in A, %lld in B%s\n",
                    static_cast<long long>(source->sizeA()),
                    static_cast<long long>(source->sizeB()),
                    source->leftOut().empty()
                        ? ""
                        : (" (" + std::to_string(source->leftOut().size()) +
                           " file(s) that are no images left out: see the warnings)")
                              .c_str());
    Trainer trainer(a.o, std::move(source), std::make_shared<PngWriter>(), group);
    TrainControl control;
    const StopSignalWatcher watcher([&control] { control.requestStop(); });
    ConsoleObserver console(trainer.options());
    std::unique_ptr<EvaluatingObserver> evaluating = makeEvaluatingObserver(a, console);
    TrainingObserver &observer = evaluating ? static_cast<TrainingObserver &>(*evaluating) : console;
    const TrainSummary s = trainer.run(observer, control);
    if (evaluating && s.finished) {
        std::printf("waiting for the evaluation of the last checkpoints (metrics.csv)...\n");
        std::fflush(stdout);
        evaluating->finish();
    }
    // As translate and as --help says: a run ended by Ctrl-C (SIGINT) or SIGTERM exits 130,
    // so that `cyclegan train ... && cyclegan translate ...` does not go on.
    const int code = s.finished || !watcher.signalled() ? kExitOk : kExitInterrupted;
    if (!env.isMain()) // rank 0 prints the summary
        return code;
    std::printf("%s after %lld iterations in %s; run folder: %s\n",
                s.finished ? "Finished" : "Stopped (resume with --continue_train)",
                static_cast<long long>(s.iterations), formatDuration(s.seconds).c_str(),
                s.runDir.c_str());
    return code;
}

} // namespace

Command addTrainCommand(CLI::App &root) {
    auto args = std::make_shared<TrainArgs>();
    CLI::App *cmd = root.add_subcommand(
        "train", "Train a CycleGAN on two folders of images (official train.py options).\n"
                 "Exit codes: 0 finished, 1 usage or option error (checked before anything is "
                 "created), 3 dataset, 4 checkpoint, 5 device or out of memory, 6 training "
                 "(NaN/Inf loss, other numerical failure), 7 disk/io, 8 multi-process job (a rank "
                 "died, hung or could not join), 130 stopped by Ctrl-C or SIGTERM (the latest "
                 "checkpoint written; resume with --continue_train).\nEvery option of the "
                 "official train.py is accepted: those without effect here with a note.");
    addDataOptions(cmd, *args);
    addModelOptions(cmd, *args);
    addRunOptions(cmd, *args);
    addDistOptions(cmd, args->dist);
    args->official = std::make_unique<OfficialOptions>(cmd, OfficialScript::Train);
    return {cmd, [args] { return runTrain(*args); }};
}

} // namespace cgs::cli
