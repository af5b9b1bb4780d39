#include "app/cli/command.h"

#include "app/cli/dist_setup.h"
#include "app/cli/local_launcher.h"
#include "core/engine/error.h"
#include "core/engine/train/benchmark.h"
#include "core/engine/train/distributed_benchmark.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace cgs::cli {
namespace {

struct BenchArgs {
    BenchOptions o;
    bool json = false;
    std::string cudaGraph = "off";
    int ranks = 1; // > 1: measure 1 process, then this many local ranks (scaling efficiency)
    DistOptions dist;
};

// Under torchrun: data-parallel steps; rank 0 prints the global rate and the all-reduce time.
int runDistributedBench(BenchArgs &a, const DistEnv &env) {
    if (a.o.cudaGraph)
        throw ConfigError("--cuda_graph on with more than one rank is not supported (the "
                          "gradient all-reduce runs between the captured parts of a step)");
    auto group = joinFromEnvironment(env, a.dist, a.o.device);
    const DistBenchResult r = runDistributedBenchmark(a.o, *group);
    if (!group->isMain())
        return kExitOk;
    std::printf("train %dx%d, batch %d per rank, %s (ngf %d), %s on %s\n", a.o.size, a.o.size,
                a.o.batchSize, a.o.netG.c_str(), a.o.ngf, a.o.precision.c_str(),
                r.step.device.c_str());
    std::printf("  %d ranks (%s): %.3f images/s in all, %.1f ms/step (slowest rank's median), "
                "gradient all-reduce %.1f ms/step (%.0f%% of the step)\n",
                r.worldSize, r.backend.c_str(), r.step.imagesPerS, r.step.msPerStep,
                r.allReduceMs, r.step.msPerStep > 0 ? 100.0 * r.allReduceMs / r.step.msPerStep : 0);
    if (a.json)
        std::printf("%s\n", nlohmann::json({{"world_size", r.worldSize},
                                             {"backend", r.backend},
                                             {"images_per_s", r.step.imagesPerS},
                                             {"ms_per_step", r.step.msPerStep},
                                             {"allreduce_ms_per_step", r.allReduceMs}})
                                 .dump()
                                 .c_str());
    return kExitOk;
}

// --ranks N: one process first, then N local ranks; efficiency = rate(N) / (N x rate(1)).
int runScalingBench(BenchArgs &a, const BenchResult &one) {
    std::vector<std::string> args = {"bench", "--json", "--mode", a.o.mode,
                                     "--size", std::to_string(a.o.size),
                                     "--batch_size", std::to_string(a.o.batchSize),
                                     "--netG", a.o.netG, "--ngf", std::to_string(a.o.ngf),
                                     "--ndf", std::to_string(a.o.ndf),
                                     "--precision", a.o.precision, "--device", a.o.device,
                                     "--cpu_threads", std::to_string(a.o.cpuThreads),
                                     "--warmup", std::to_string(a.o.warmupSteps),
                                     "--steps", std::to_string(a.o.steps),
                                     "--dist_backend", a.dist.backend,
                                     "--dist_timeout", std::to_string(a.dist.timeoutSeconds)};
    if (a.o.channelsLast)
        args.push_back("--channels_last");
    const auto outputs = runLocalRanks(a.ranks, args);
    const std::string &out = outputs.front();
    const auto lastLine = out.substr(out.rfind('{'));
    const auto j = nlohmann::json::parse(lastLine);
    const double rate = j["images_per_s"].get<double>();
    const double efficiency = one.imagesPerS > 0 ? rate / (a.ranks * one.imagesPerS) : 0;
    std::printf("  %d ranks (%s): %.3f images/s in all, %.1f ms/step, gradient all-reduce %.1f "
                "ms/step; scaling efficiency %.0f%% (vs %d x %.3f images/s of 1 process)\n",
                a.ranks, j["backend"].get<std::string>().c_str(), rate,
                j["ms_per_step"].get<double>(), j["allreduce_ms_per_step"].get<double>(),
                100 * efficiency, a.ranks, one.imagesPerS);
    if (a.json)
        std::printf("%s\n", nlohmann::json({{"ranks", a.ranks},
                                             {"images_per_s_1", one.imagesPerS},
                                             {"images_per_s_n", rate},
                                             {"allreduce_ms_per_step",
                                              j["allreduce_ms_per_step"]},
                                             {"scaling_efficiency", efficiency}})
                                 .dump()
                                 .c_str());
    return kExitOk;
}

int runBench(BenchArgs &a) {
    if (a.cudaGraph != "on" && a.cudaGraph != "off")
        throw ConfigError("--cuda_graph must be on or off");
    a.o.cudaGraph = a.cudaGraph == "on";
    const DistEnv env = DistEnv::fromEnvironment();
    if (env.distributed())
        return runDistributedBench(a, env);
    if (a.ranks < 1)
        throw ConfigError("--ranks must be >= 1");
    if (a.ranks > 1 && a.o.mode != "train")
        throw ConfigError("--ranks: only --mode train is data parallel");
    if (a.ranks > 1 && a.o.cudaGraph)
        throw ConfigError("--ranks with --cuda_graph on is not supported (the gradient "
                          "all-reduce runs between the captured parts of a step)");
    const BenchResult r = runBenchmark(a.o);
    std::printf("%s %dx%d, batch %d, %s (ngf %d), %s, %s step, cuda graph %s on %s\n",
                a.o.mode.c_str(), a.o.size, a.o.size, a.o.batchSize, a.o.netG.c_str(), a.o.ngf,
                a.o.precision.c_str(), a.o.trainStep.c_str(), a.cudaGraph.c_str(),
                r.device.c_str());
    std::printf("  %.3f it/s  %.3f images/s  %.1f ms/step (median of %d; min %.1f, max %.1f)  "
                "peak memory %.0f MB\n",
                r.itPerS, r.imagesPerS, r.msPerStep, a.o.steps, r.msMin, r.msMax, r.peakMemoryMb);
    if (a.ranks > 1)
        return runScalingBench(a, r);
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
    cmd->add_option("--ranks", a->ranks,
                    "Also run N local processes data parallel (Gloo/NCCL) and report the "
                    "all-reduce time and the scaling efficiency against 1 process")
        ->capture_default_str();
    addDistOptions(cmd, a->dist);
    return {cmd, [a] { return runBench(*a); }};
}

} // namespace cgs::cli
