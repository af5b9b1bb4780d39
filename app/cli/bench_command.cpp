#include "app/cli/command.h"

#include "core/engine/train/benchmark.h"
#include "core/engine/error.h"

#include <cstdio>
#include <memory>

namespace cgs::cli {
namespace {

struct BenchArgs {
    BenchOptions o;
    bool json = false;
    std::string cudaGraph = "off";
};

int runBench(BenchArgs &a) {
    if (a.cudaGraph != "on" && a.cudaGraph != "off")
        throw ConfigError("--cuda_graph must be on or off");
    a.o.cudaGraph = a.cudaGraph == "on";
    const BenchResult r = runBenchmark(a.o);
    std::printf("%s %dx%d, batch %d, %s (ngf %d), %s, %s step, cuda graph %s on %s\n",
                a.o.mode.c_str(), a.o.size, a.o.size, a.o.batchSize, a.o.netG.c_str(), a.o.ngf,
                a.o.precision.c_str(), a.o.trainStep.c_str(), a.cudaGraph.c_str(),
                r.device.c_str());
    std::printf("  %.3f it/s  %.3f images/s  %.1f ms/step (median of %d; min %.1f, max %.1f)  "
                "peak memory %.0f MB\n",
                r.itPerS, r.imagesPerS, r.msPerStep, a.o.steps, r.msMin, r.msMax, r.peakMemoryMb);
    if (a.json)
        std::printf("%s\n", benchJson(a.o, r).c_str());
    return kExitOk;
}

} // namespace

Command addBenchCommand(CLI::App &root) {
    auto a = std::make_shared<BenchArgs>();
    CLI::App *cmd = root.add_subcommand(
        "bench", "Time training steps or translations on synthetic data (no image files needed)");
    auto &o = a->o;
    cmd->add_option("--mode", o.mode, "train | translate")->capture_default_str();
    cmd->add_option("--size", o.size, "Image side in pixels (multiple of 4)")->capture_default_str();
    cmd->add_option("--batch_size", o.batchSize, "Images per step")->capture_default_str();
    cmd->add_option("--netG", o.netG, "resnet_9blocks | resnet_6blocks")->capture_default_str();
    cmd->add_option("--ngf", o.ngf, "Generator filters")->capture_default_str();
    cmd->add_option("--ndf", o.ndf, "Discriminator filters")->capture_default_str();
    cmd->add_option("--precision", o.precision, "fp32 | bf16 | fp16")->capture_default_str();
    cmd->add_option("--train_step", o.trainStep,
                    "standard | capturable (pool and Adam state on the device)")->capture_default_str();
    cmd->add_option("--cuda_graph", a->cudaGraph,
                    "off | on: EXPERIMENTAL, not verified on a GPU yet: the capturable step "
                    "as one CUDA graph (CUDA only)")->capture_default_str();
    cmd->add_flag("--channels_last", o.channelsLast, "NHWC memory format");
    cmd->add_option("--device", o.device, "auto | cpu | cuda | cuda:N")->capture_default_str();
    cmd->add_option("--cpu_threads", o.cpuThreads, "LibTorch threads on the CPU (0 = all)")->capture_default_str();
    cmd->add_option("--warmup", o.warmupSteps, "Untimed steps first")->capture_default_str();
    cmd->add_option("--steps", o.steps, "Timed steps")->capture_default_str();
    cmd->add_flag("--json", a->json, "Also print one JSON object on the last line");
    return {cmd, [a] { return runBench(*a); }};
}

} // namespace cgs::cli
