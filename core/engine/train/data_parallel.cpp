#include "core/engine/train/data_parallel.h"

#include "core/engine/error.h"
#include "core/engine/train/training_checkpoint.h"

#include <nlohmann/json.hpp>

namespace cgs {
namespace {

// Options that may differ between ranks: where and how each process computes.
bool perProcess(const std::string &key) {
    return key == "device" || key == "cpu_threads" || key == "num_threads" ||
           key == "world_size";
}

std::vector<torch::Tensor> stateTensors(CycleGanModel &model) {
    std::vector<torch::Tensor> all;
    for (torch::nn::Module *net : {static_cast<torch::nn::Module *>(model.netGA.get()),
                                   static_cast<torch::nn::Module *>(model.netGB.get()),
                                   static_cast<torch::nn::Module *>(model.netDA.get()),
                                   static_cast<torch::nn::Module *>(model.netDB.get())}) {
        for (auto &p : net->parameters())
            all.push_back(p);
        for (auto &b : net->buffers())
            all.push_back(b);
    }
    return all;
}

} // namespace

DataParallel::DataParallel(std::shared_ptr<ProcessGroup> group) : m_group(std::move(group)) {}

void DataParallel::checkSameSetup(const TrainOptions &options, std::int64_t sizeA,
                                  std::int64_t sizeB) {
    using nlohmann::json;
    json mine = json::parse(toJson(options))["options"];
    for (const std::string key : {"device", "cpu_threads", "num_threads", "world_size"})
        mine.erase(key);
    mine["images_A"] = sizeA;
    mine["images_B"] = sizeB;
    const auto all = m_group->allGather(mine.dump());
    const json main = json::parse(all[0]);
    for (int r = 1; r < static_cast<int>(all.size()); ++r) {
        const json other = json::parse(all[r]);
        for (const auto &[key, value] : main.items()) {
            if (perProcess(key) || (other.contains(key) && other[key] == value))
                continue;
            const std::string theirs = other.contains(key) ? other[key].dump() : "(missing)";
            if (key == "images_A" || key == "images_B")
                throw ConfigError("Rank " + std::to_string(r) + " sees " + theirs + " images in " +
                                  "domain " + key.substr(7) + " but rank 0 sees " + value.dump() +
                                  ": every rank must read the same dataset (same files, same " +
                                  "--max_dataset_size)");
            throw ConfigError("Rank " + std::to_string(r) + " runs with " + key + " = " + theirs +
                              " but rank 0 with " + value.dump() +
                              ": start every rank with the same options");
        }
    }
}

void DataParallel::attach(CycleGanModel &model) {
    {
        torch::NoGradGuard noGrad;
        auto tensors = stateTensors(model);
        std::vector<torch::Tensor> contiguous;
        for (auto &t : tensors)
            contiguous.push_back(t.detach().contiguous());
        m_group->broadcast(contiguous, 0);
        for (size_t i = 0; i < tensors.size(); ++i)
            if (!contiguous[i].is_same(tensors[i]))
                tensors[i].detach().copy_(contiguous[i]);
    }
    for (torch::optim::Optimizer *opt : {static_cast<torch::optim::Optimizer *>(model.optimizerG.get()),
                                        static_cast<torch::optim::Optimizer *>(model.optimizerD.get())}) {
        std::vector<torch::Tensor> params;
        for (auto &group : opt->param_groups())
            for (auto &p : group.params())
                params.push_back(p);
        m_reducers[opt] = std::make_unique<GradientReducer>(*m_group, params);
    }
    model.setGradientHook([this](torch::optim::Optimizer &opt) {
        auto &reducer = *m_reducers.at(&opt);
        reducer.averageGradients();
        m_allReduceSeconds += reducer.lastSeconds();
    });
}

void DataParallel::seedRank(std::uint64_t seed, std::int64_t iteration) const {
    // SplitMix64 of (seed, rank, iteration): distinct, reproducible streams per rank.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (static_cast<std::uint64_t>(rank()) + 1) +
                      0xD1B54A32D192ED03ull * static_cast<std::uint64_t>(iteration);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    torch::manual_seed(z ^ (z >> 31));
}

torch::Tensor DataParallel::average(const torch::Tensor &values) {
    std::vector<torch::Tensor> t{values.detach().to(torch::kFloat).contiguous().clone()};
    m_group->allReduceSum(t);
    return t[0] / static_cast<double>(worldSize());
}

bool DataParallel::anyStop(bool flag) { return m_group->anyOf(flag); }

std::vector<std::string> DataParallel::gatherStates(CycleGanModel &model) {
    auto all = m_group->gatherToMain(TrainingCheckpoint::rankState(model));
    if (!all.empty())
        all.erase(all.begin()); // rank 0's own state goes to state.pt
    return all;
}

} // namespace cgs
