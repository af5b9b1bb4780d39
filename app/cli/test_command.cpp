// `cyclegan test`: the official test.py command line, run by `cyclegan translate`.
#include "app/cli/command.h"
#include "app/cli/official_options.h"

#include "core/engine/error.h"
#include "core/engine/train/train_options.h"
#include "core/imageio/dataset_scan.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace cgs::cli {
namespace {
namespace fs = std::filesystem;

struct TestArgs {
    std::string dataroot;
    std::string name = "experiment_name";
    std::string checkpointsDir = TrainOptions{}.checkpointsDir; // as train.py's and ours
    std::string model = "test";
    std::string modelSuffix;
    std::string resultsDir = "./results/";
    std::string phase = "test";
    std::string epoch = "latest";
    int numTest = 50;
    std::string device = "auto";
    int cpuThreads = 0;
    std::unique_ptr<OfficialOptions> official;
};

// The first `count` images of `folder` in the official make_dataset() order (sub-folders
// included, sorted).
std::vector<std::string> firstImages(const std::string &folder, int count) {
    std::vector<std::string> files = requireImageFiles(folder, Recursion::IncludeSubfolders);
    if (count >= 0 && files.size() > static_cast<std::size_t>(count))
        files.resize(static_cast<std::size_t>(count));
    return files;
}

int runTest(TestArgs &a) {
    a.official->check();
    if (a.model != "test" && a.model != "cycle_gan")
        throw ConfigError("--model '" + a.model + "' is not supported: test (one generator, "
                          "--dataroot holds the images) or cycle_gan (both, on testA and testB)");
    if (a.modelSuffix != "" && a.modelSuffix != "_A" && a.modelSuffix != "_B")
        throw ConfigError("--model_suffix '" + a.modelSuffix + "' is not supported: '' "
                          "(<epoch>_net_G.pth), _A (G_A) or _B (G_B)");
    if (a.numTest < 0)
        throw ConfigError("--num_test must be >= 0, got " + std::to_string(a.numTest));
    a.official->noteIgnored();
    TranslatorOptions model;
    model.model = (fs::path(a.checkpointsDir) / a.name).string();
    model.epoch = a.epoch;
    model.device = a.official->device(a.device);
    model.cpuThreads = a.cpuThreads;
    model.direction = a.official->direction() == "BtoA" ? Direction::BToA : Direction::AToB;
    if (a.modelSuffix == "_A")
        model.direction = Direction::AToB;
    else if (a.modelSuffix == "_B")
        model.direction = Direction::BToA;
    // As test.py: results/<name>/<phase>_<epoch>/images (the translated images only, named as
    // `cyclegan translate` names them).
    const fs::path out = fs::path(a.resultsDir) / a.name / (a.phase + "_" + a.epoch) / "images";
    if (a.model == "test") // single: --dataroot holds the images
        return translateFiles(model, firstImages(a.dataroot, a.numTest), out.string());
    // cycle_gan: both generators, on <dataroot>/<phase>A and <phase>B.
    const std::string root = a.dataroot.empty() ? "." : a.dataroot;
    int code = kExitOk;
    for (const Direction d : {Direction::AToB, Direction::BToA}) {
        model.direction = d;
        const bool aToB = d == Direction::AToB;
        std::printf("%s: %s/%s%s -> %s\n", aToB ? "fake_B" : "fake_A", root.c_str(),
                    a.phase.c_str(), aToB ? "A" : "B",
                    (out / (aToB ? "fake_B" : "fake_A")).string().c_str());
        const int c = translateFiles(
            model, firstImages((fs::path(root) / (a.phase + (aToB ? "A" : "B"))).string(), a.numTest),
            (out / (aToB ? "fake_B" : "fake_A")).string());
        if (c == kExitInterrupted)
            return c;
        code = code == kExitOk ? c : code;
    }
    return code;
}

} // namespace

Command addTestCommand(CLI::App &root) {
    auto a = std::make_shared<TestArgs>();
    CLI::App *cmd = root.add_subcommand(
        "test",
        "Translate test images with the official test.py command line (every test.py option is "
        "accepted; those without effect here with a note):\n"
        "  cyclegan test --dataroot datasets/horse2zebra/testA --name horse2zebra_pretrained "
        "--model test --no_dropout\n"
        "Results go to <results_dir>/<name>/<phase>_<epoch>/images (--model cycle_gan: "
        "images/fake_B and images/fake_A), each image at its own size, as `cyclegan translate` "
        "writes them. Exit codes as translate.");
    cmd->add_option("--dataroot", a->dataroot,
                    "The images (--model test) or the folder with testA/ and testB/ (cycle_gan)")
        ->required();
    cmd->add_option("--name", a->name, "Model folder <checkpoints_dir>/<name>: an official "
                                      "model or run folder, or a run of ours")
        ->capture_default_str();
    cmd->add_option("--checkpoints_dir", a->checkpointsDir, "Where model folders live")
        ->capture_default_str();
    cmd->add_option("--model", a->model,
                    "test (one generator: <epoch>_net_G<model_suffix>.pth) or cycle_gan (both)")
        ->capture_default_str();
    cmd->add_option("--model_suffix", a->modelSuffix,
                    "'' (<epoch>_net_G.pth), _A (G_A) or _B (G_B) of a run folder");
    cmd->add_option("--results_dir", a->resultsDir, "Where results go")->capture_default_str();
    cmd->add_option("--phase", a->phase, "Sub-folders <dataroot>/<phase>A, B for cycle_gan; "
                                        "names the results folder")
        ->capture_default_str();
    cmd->add_option("--epoch,--which_epoch", a->epoch,
                    "Which weights: latest, 5 (official), epoch_0005 (ours)")
        ->capture_default_str();
    cmd->add_option("--num_test,--how_many,--ntest", a->numTest,
                    "Translate at most this many images (per direction), in file-name order")
        ->capture_default_str();
    cmd->add_option("--device", a->device, "auto | cpu | cuda | cuda:N")->capture_default_str();
    cmd->add_option("--cpu_threads", a->cpuThreads, "LibTorch CPU threads (0 = all cores)")
        ->capture_default_str();
    a->official = std::make_unique<OfficialOptions>(cmd, OfficialScript::Test);
    return {cmd, [a] { return runTest(*a); }};
}

} // namespace cgs::cli
