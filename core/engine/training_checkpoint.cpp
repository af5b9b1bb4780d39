#include "core/engine/training_checkpoint.h"

#include "core/engine/atomic_file.h"
#include "core/engine/device.h"
#include "core/engine/error.h"
#include "core/engine/torch_compat.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char *kNetFiles[] = {"G_A.pt", "G_B.pt", "D_A.pt", "D_B.pt"};

std::vector<torch::nn::Module *> nets(CycleGanModel &m) {
    return {m.netGA.get(), m.netGB.get(), m.netDA.get(), m.netDB.get()};
}

json archJson(const CycleGanModel &m) {
    const auto &g = m.netGA->options();
    const auto &d = m.netDA->options();
    return {{"netG", "resnet"}, {"ngf", g.ngf()},         {"n_blocks", g.n_blocks()},
            {"input_nc", g.input_nc()}, {"output_nc", g.output_nc()}, {"ndf", d.ndf()},
            {"n_layers_D", d.n_layers()}};
}

void writeManifest(const fs::path &dir) {
    json files = json::object();
    for (const auto &entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name == "manifest.json")
            continue;
        syncFile(entry.path().string());
        files[name] = {{"size", fs::file_size(entry.path())},
                       {"fnv1a64", fileChecksum(entry.path().string())}};
    }
    json manifest = json::object();
    manifest["files"] = files;
    writeFileAtomically((dir / "manifest.json").string(), manifest.dump(2));
}

void saveTensors(const std::string &path, CycleGanModel &model) {
    torch::serialize::OutputArchive archive;
    archive.write("pool_A", model.fakeAPool.state());
    archive.write("pool_B", model.fakeBPool.state());
    archive.write("rng_cpu", compat::cpuRngState());
    archive.save_to(path);
}

void loadTensors(const std::string &path, CycleGanModel &model) {
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::Tensor poolA, poolB, rng;
    archive.read("pool_A", poolA);
    archive.read("pool_B", poolB);
    archive.read("rng_cpu", rng);
    model.fakeAPool.loadState(poolA, model.device());
    model.fakeBPool.loadState(poolB, model.device());
    compat::setCpuRngState(rng);
}

void checkArch(const json &saved, const CycleGanModel &model, const std::string &dir) {
    const json now = archJson(model);
    for (const auto &[key, value] : now.items()) {
        if (!saved.contains(key) || saved[key] != value)
            throw CheckpointError("Checkpoint '" + dir + "' was trained with " + key + " = " +
                                  (saved.contains(key) ? saved[key].dump() : "(missing)") +
                                  ", but the options say " + value.dump() +
                                  "; use the run's original options or start a new --name");
    }
}

} // namespace

std::string TrainingCheckpoint::save(const std::string &checkpointsDir, const std::string &tag,
                                     CycleGanModel &model, const TrainingCounters &counters) {
    const fs::path root(checkpointsDir);
    const fs::path final = root / tag;
    const fs::path tmp = root / ("." + tag + ".tmp");
    const fs::path old = root / ("." + tag + ".old");
    std::error_code ec;
    fs::create_directories(root, ec);
    fs::remove_all(tmp, ec);
    if (!fs::create_directories(tmp, ec) && ec)
        throw IoError("Cannot create '" + tmp.string() + "': " + ec.message());
    try {
        auto list = nets(model);
        for (size_t i = 0; i < list.size(); ++i) {
            torch::serialize::OutputArchive archive;
            list[i]->save(archive);
            archive.save_to((tmp / kNetFiles[i]).string());
        }
        torch::save(*model.optimizerG, (tmp / "optimizer_G.pt").string());
        torch::save(*model.optimizerD, (tmp / "optimizer_D.pt").string());
        saveTensors((tmp / "state.pt").string(), model);
        const json state = {{"format", "cyclegan-studio-checkpoint"},
                            {"format_version", 1},
                            {"tag", tag},
                            {"epoch", counters.epoch},
                            {"epochs_completed", counters.epoch - 1},
                            {"epoch_iteration", counters.epochIteration},
                            {"iteration", counters.iteration},
                            {"seed", counters.seed},
                            {"arch", archJson(model)},
                            {"written_by", {{"cyclegan_studio", engineVersion()},
                                            {"libtorch", torchVersion()}}}};
        writeFileAtomically((tmp / "state.json").string(), state.dump(2));
        writeManifest(tmp);
    } catch (const c10::Error &e) {
        fs::remove_all(tmp, ec);
        throw IoError("Cannot write checkpoint '" + final.string() +
                      "': " + e.what_without_backtrace());
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    syncFolder(tmp.string());
    // Swap: the old copy stays loadable (as .<tag>.old) until the new one is in place.
    fs::remove_all(old, ec);
    if (fs::exists(final))
        fs::rename(final, old);
    fs::rename(tmp, final);
    syncFolder(root.string());
    fs::remove_all(old, ec);
    return final.string();
}

void TrainingCheckpoint::verify(const std::string &dir) {
    const fs::path root(dir);
    json manifest;
    try {
        manifest = json::parse(readFile((root / "manifest.json").string()));
    } catch (const std::exception &e) {
        throw CheckpointError("Checkpoint '" + dir + "' has no readable manifest.json (" +
                              e.what() + "): it was not completely written");
    }
    const json files = manifest.value("files", json::object()); // keep alive while iterating
    if (files.empty())
        throw CheckpointError("Checkpoint '" + dir + "' has an empty manifest.json");
    for (const auto &[name, info] : files.items()) {
        const fs::path file = root / name;
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (ec || size != info.value("size", std::uintmax_t(0)) ||
            fileChecksum(file.string()) != info.value("fnv1a64", std::string()))
            throw CheckpointError("Checkpoint file '" + file.string() +
                                  "' is missing or damaged (size or checksum differs from "
                                  "manifest.json)");
    }
}

std::string TrainingCheckpoint::locate(const std::string &checkpointsDir, const std::string &tag) {
    const fs::path root(checkpointsDir);
    if (fs::exists(root / tag / "manifest.json"))
        return (root / tag).string();
    if (fs::exists(root / ("." + tag + ".old") / "manifest.json"))
        return (root / ("." + tag + ".old")).string();
    throw CheckpointError("No checkpoint '" + tag + "' in '" + checkpointsDir + "'");
}

TrainingCounters TrainingCheckpoint::load(const std::string &dir, CycleGanModel &model) {
    verify(dir);
    const fs::path root(dir);
    json state;
    try {
        state = json::parse(readFile((root / "state.json").string()));
    } catch (const std::exception &e) {
        throw CheckpointError("Cannot read '" + (root / "state.json").string() + "': " + e.what());
    }
    if (state.value("format", "") != "cyclegan-studio-checkpoint")
        throw CheckpointError("'" + dir + "' is not a CycleGAN Studio checkpoint");
    checkArch(state.value("arch", json::object()), model, dir);
    try {
        auto list = nets(model);
        for (size_t i = 0; i < list.size(); ++i) {
            torch::serialize::InputArchive archive;
            archive.load_from((root / kNetFiles[i]).string(), model.device());
            list[i]->load(archive);
        }
        torch::load(*model.optimizerG, (root / "optimizer_G.pt").string(), model.device());
        torch::load(*model.optimizerD, (root / "optimizer_D.pt").string(), model.device());
        loadTensors((root / "state.pt").string(), model);
    } catch (const c10::Error &e) {
        throw CheckpointError("Cannot load checkpoint '" + dir + "': " + e.what_without_backtrace());
    }
    TrainingCounters c;
    c.epoch = state.at("epoch").get<int>();
    c.epochIteration = state.at("epoch_iteration").get<std::int64_t>();
    c.iteration = state.at("iteration").get<std::int64_t>();
    c.seed = state.at("seed").get<std::uint64_t>();
    return c;
}

} // namespace cgs
