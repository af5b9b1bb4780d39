#include "core/engine/train/benchmark.h"

#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/device.h"
#include "core/engine/device_util.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/train/synthetic_source.h"
#include "core/engine/torch_compat.h"
#include "core/engine/train/capturable_step.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>

namespace cgs {
namespace {

double peakRssMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0; // kB
    return 0;
}

void synchronize(const torch::Device &device) {
    if (device.is_cuda())
        compat::cudaSynchronize(device.index());
}

TrainOptions modelOptions(const BenchOptions &b) {
    TrainOptions o;
    o.dataroot = "synthetic";
    o.netG = b.netG;
    o.ngf = b.ngf;
    o.ndf = b.ndf;
    o.cropSize = b.size;
    o.loadSize = b.size;
    o.batchSize = b.batchSize;
    o.precision = b.precision;
    o.channelsLast = b.channelsLast;
    o.trainStep = b.trainStep;
    o.cudaGraph = b.cudaGraph;
    return o;
}

} // namespace

BenchOptions BenchOptions::forTraining(const TrainOptions &o) {
    BenchOptions b;
    b.size = std::max(16, o.cropSize / 4 * 4);
    b.batchSize = o.batchSize;
    b.netG = o.netG;
    b.ngf = o.ngf;
    b.ndf = o.ndf;
    b.precision = o.precision;
    b.channelsLast = o.channelsLast;
    b.trainStep = o.trainStep;
    b.cudaGraph = o.cudaGraph;
    b.device = o.device;
    b.cpuThreads = o.cpuThreads;
    return b;
}

void BenchOptions::validate() const {
    if (mode != "train" && mode != "translate")
        throw ConfigError("--mode '" + mode + "' is not supported (use train or translate)");
    if (size < 16 || size % 4 != 0)
        throw ConfigError("--size must be a multiple of 4 and >= 16, got " + std::to_string(size));
    if (batchSize < 1 || steps < 1 || warmupSteps < 0)
        throw ConfigError("--batch_size and --steps must be >= 1, --warmup >= 0");
    if (trainStep != "standard" && trainStep != "capturable")
        throw ConfigError("--train_step '" + trainStep + "' is not supported (use standard or capturable)");
}

BenchResult runBenchmark(const BenchOptions &b) {
    b.validate();
    TrainOptions o = modelOptions(b);
    o.validate();
    applyCpuThreads(b.cpuThreads);
    const torch::Device device = resolveDevice(b.device);
    if (b.cudaGraph && !device.is_cuda())
        throw DeviceUnavailableError("--cuda_graph on needs a CUDA device (this run is on " +
                                     device.str() + ")");
    torch::manual_seed(0);
    CycleGanModel model(o, device);
    model.initWeights();
    SyntheticSource source(b.size, b.batchSize);
    source.setSeed(1);
    std::vector<TrainingPair> pairs;
    for (int i = 0; i < b.batchSize; ++i)
        pairs.push_back(source.pair(1, i));
    const auto batches = pairsToBatches(pairs, device); // captured below: no structured binding
    const torch::Tensor &realA = batches.first, &realB = batches.second;
    std::unique_ptr<CapturableStep> capturable;
    if (o.capturableStep() && b.mode == "train")
        capturable = std::make_unique<CapturableStep>(
            model, b.cudaGraph ? StepExecution::CudaGraph : StepExecution::Eager);
    auto step = [&] {
        if (capturable) {
            capturable->step(realA, realB);
        } else if (b.mode == "train") {
            model.step(realA, realB);
        } else {
            torch::NoGradGuard noGrad;
            model.translateForBench(realA);
        }
    };
    compat::resetPeakMemory(device);
    std::vector<double> ms;
    for (int i = 0; i < b.warmupSteps + b.steps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        step();
        synchronize(device);
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= b.warmupSteps)
            ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    BenchResult r;
    r.msPerStep = ms[ms.size() / 2];
    r.msMin = ms.front();
    r.msMax = ms.back();
    r.itPerS = 1000.0 / r.msPerStep;
    r.imagesPerS = r.itPerS * b.batchSize;
    r.peakMemoryMb = device.is_cuda() ? compat::peakMemoryMb(device) : peakRssMb();
    r.device = describeDevice(b.device, b.cpuThreads).description;
    r.cpuThreads = torch::get_num_threads();
    return r;
}

std::string benchJson(const BenchOptions &b, const BenchResult &r) {
    const nlohmann::json j = {
        {"it_per_s", r.itPerS},        {"images_per_s", r.imagesPerS},
        {"ms_per_step", r.msPerStep},  {"ms_min", r.msMin},
        {"ms_max", r.msMax},           {"peak_memory_mb", r.peakMemoryMb},
        {"device", r.device},          {"cpu_threads", r.cpuThreads},
        {"mode", b.mode},              {"size", b.size},
        {"batch_size", b.batchSize},   {"netG", b.netG},
        {"ngf", b.ngf},                {"precision", b.precision},
        {"cuda_graph", b.cudaGraph},   {"train_step", b.trainStep},   {"channels_last", b.channelsLast},   {"steps", b.steps},
        {"warmup", b.warmupSteps},     {"libtorch", torchVersion()}};
    return j.dump();
}

} // namespace cgs
