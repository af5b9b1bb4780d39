#pragma once

#include "core/engine/train/train_options.h"

#include <string>

namespace cgs {

// `cyclegan bench`: times training steps (or translations) on synthetic data, so it runs on any
// machine, including a GPU server that has only LibTorch.
struct BenchOptions {
    std::string mode = "train";   // train | translate
    int size = 256;               // square image side (multiple of 4)
    int batchSize = 1;
    std::string netG = "resnet_9blocks";
    int ngf = 64;
    int ndf = 64;
    std::string precision = "fp32"; // fp32 | bf16 | fp16 (autocast)
    bool channelsLast = false;
    std::string trainStep = "standard"; // standard | capturable (see TrainOptions::trainStep)
    bool cudaGraph = false;         // the capturable step as one CUDA graph (CUDA only)
    std::string device = "auto";
    int cpuThreads = 0;
    int warmupSteps = 3;
    int steps = 10;
    void
    validate() const; // throws ConfigError (--cuda_graph on without CUDA: DeviceUnavailableError)

    // One training step of a run with these options: the same networks, batch, precision,
    // layout, step kind, device and threads, on crop-sized square images (crop_size rounded
    // down to a multiple of 4). For estimates such as the time per epoch.
    static BenchOptions forTraining(const TrainOptions &options);
};

struct BenchResult {
    double itPerS = 0;
    double imagesPerS = 0;
    double msPerStep = 0;   // median of the timed steps
    double msMin = 0, msMax = 0;
    double peakMemoryMb = 0; // device memory on CUDA, peak resident set on the CPU
    std::string device;      // description of the device used
    int cpuThreads = 0;      // LibTorch threads in effect
};

// Runs the benchmark; throws ConfigError / DeviceError. Blocks.
BenchResult runBenchmark(const BenchOptions &options);

// One JSON object with the results and every setting (for --json).
std::string benchJson(const BenchOptions &options, const BenchResult &result);

} // namespace cgs
