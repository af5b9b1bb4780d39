#include "core/engine/train/distributed_benchmark.h"

#include "core/engine/device.h"
#include "core/engine/device_util.h"
#include "core/engine/train/data_parallel.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/torch_compat.h"
#include "core/engine/train/synthetic_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>

namespace cgs {
namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

DistBenchResult runDistributedBenchmark(const BenchOptions &b, ProcessGroup &group) {
    b.validate();
    if (b.mode != "train")
        throw ConfigError("bench --mode " + b.mode + " under torchrun: only train is data parallel");
    TrainOptions o;
    o.dataroot = "synthetic";
    o.netG = b.netG;
    o.ngf = b.ngf;
    o.ndf = b.ndf;
    o.cropSize = o.loadSize = b.size;
    o.batchSize = b.batchSize;
    o.precision = b.precision;
    o.channelsLast = b.channelsLast;
    o.validate();
    applyCpuThreads(b.cpuThreads);
    const torch::Device device = resolveDevice(b.device);
    torch::manual_seed(0);
    CycleGanModel model(o, device);
    model.initWeights();
    // Shared ownership is not needed: the group outlives this call.
    DataParallel dp(std::shared_ptr<ProcessGroup>(&group, [](ProcessGroup *) {}));
    dp.attach(model);
    SyntheticSource source(b.size, b.batchSize);
    source.setSeed(1 + static_cast<std::uint64_t>(group.rank()));
    std::vector<TrainingPair> pairs;
    for (int i = 0; i < b.batchSize; ++i)
        pairs.push_back(source.pair(1, i));
    const auto batches = pairsToBatches(pairs, device);
    std::vector<double> stepMs, reduceMs;
    for (int i = 0; i < b.warmupSteps + b.steps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        dp.takeAllReduceSeconds();
        model.step(batches.first, batches.second);
        if (device.is_cuda())
            compat::cudaSynchronize(device.index());
        const double t =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= b.warmupSteps) {
            stepMs.push_back(t);
            reduceMs.push_back(dp.takeAllReduceSeconds() * 1000.0);
        }
    }
    const nlohmann::json mine = {{"step", median(stepMs)}, {"reduce", median(reduceMs)},
                                 {"min", *std::min_element(stepMs.begin(), stepMs.end())},
                                 {"max", *std::max_element(stepMs.begin(), stepMs.end())}};
    DistBenchResult r;
    r.worldSize = group.worldSize();
    r.backend = group.backendName();
    r.step.device = describeDevice(b.device, b.cpuThreads).description;
    r.step.cpuThreads = torch::get_num_threads();
    for (const auto &text : group.gatherToMain(mine.dump())) {
        const auto j = nlohmann::json::parse(text);
        if (j["step"].get<double>() >= r.step.msPerStep) {
            r.step.msPerStep = j["step"].get<double>();
            r.step.msMin = j["min"].get<double>();
            r.step.msMax = j["max"].get<double>();
            r.allReduceMs = j["reduce"].get<double>();
        }
    }
    if (r.step.msPerStep > 0) {
        r.step.itPerS = 1000.0 / r.step.msPerStep;
        r.step.imagesPerS = r.step.itPerS * b.batchSize * group.worldSize();
    }
    return r;
}

} // namespace cgs
