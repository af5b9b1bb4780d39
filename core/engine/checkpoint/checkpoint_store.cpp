#include "core/engine/checkpoint/checkpoint_store.h"

#include "core/engine/atomic_file.h"
#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/device.h"
#include "core/engine/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace cgs {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json readState(const std::string &dir) {
    const fs::path file = fs::path(dir) / "state.json";
    if (!fs::exists(file))
        throw CheckpointError("'" + dir + "' is not a checkpoint folder (no state.json)");
    try {
        json state = json::parse(readFile(file.string()));
        if (state.value("format", "") != "cyclegan-studio-checkpoint")
            throw CheckpointError("'" + file.string() + "' is not a CycleGAN Studio checkpoint");
        return state;
    } catch (const json::exception &e) {
        throw CheckpointError("Cannot read '" + file.string() + "': " + e.what());
    }
}

} // namespace

CheckpointInfo readCheckpointInfo(const std::string &checkpointDir) {
    const json state = readState(checkpointDir);
    CheckpointInfo info;
    info.path = checkpointDir;
    info.tag = state.value("tag", fs::path(checkpointDir).filename().string());
    info.epoch = state.value("epochs_completed", 0);
    info.iteration = state.value("iteration", std::int64_t(0));
    const json arch = state.value("arch", json::object());
    info.ngf = arch.value("ngf", 64);
    info.nBlocks = arch.value("n_blocks", 9);
    info.inputNc = arch.value("input_nc", 3);
    info.outputNc = arch.value("output_nc", 3);
    return info;
}

std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir) {
    const fs::path root = fs::path(runDir) / "checkpoints";
    if (!fs::is_directory(root))
        throw CheckpointError("'" + runDir + "' has no checkpoints/ folder (not a training run)");
    std::vector<CheckpointInfo> out;
    for (const auto &entry : fs::directory_iterator(root)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_directory() || name.empty() || name[0] == '.')
            continue;
        try {
            out.push_back(readCheckpointInfo(entry.path().string()));
        } catch (const Error &) {
            // Damaged or foreign folders are left out of the list by contract.
        }
    }
    std::sort(out.begin(), out.end(), [](const CheckpointInfo &a, const CheckpointInfo &b) {
        return std::tie(a.iteration, a.tag) < std::tie(b.iteration, b.tag);
    });
    return out;
}

std::string officialEpochTag(const std::string &epoch) {
    if (epoch.empty())
        return "latest";
    const std::string prefix = "epoch_";
    if (epoch.rfind(prefix, 0) == 0 && epoch.size() > prefix.size() &&
        epoch.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
        const auto digits = epoch.find_first_not_of('0', prefix.size());
        return digits == std::string::npos ? "0" : epoch.substr(digits);
    }
    return epoch;
}

std::vector<std::string> listOfficialEpochs(const std::string &dir) {
    const std::string suffixes[] = {"_net_G_A.pth", "_net_G_B.pth", "_net_G.pth"};
    std::vector<std::string> tags;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        for (const auto &suffix : suffixes) {
            if (name.size() <= suffix.size() ||
                name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const std::string tag = name.substr(0, name.size() - suffix.size());
            if (std::find(tags.begin(), tags.end(), tag) == tags.end())
                tags.push_back(tag);
        }
    }
    auto number = [](const std::string &t) {
        return !t.empty() && t.size() < 10 &&
                       t.find_first_not_of("0123456789") == std::string::npos
                   ? std::stol(t)
                   : -1L;
    };
    std::sort(tags.begin(), tags.end(), [&](const std::string &a, const std::string &b) {
        const long na = number(a), nb = number(b);
        if ((na < 0) != (nb < 0))
            return na >= 0; // numbered epochs first
        return na >= 0 ? na < nb : a < b;
    });
    return tags;
}

std::string officialWeightFile(const std::string &dir, const std::string &epoch,
                               const std::vector<std::string> &names) {
    const std::string tag = officialEpochTag(epoch);
    std::string tried;
    for (const auto &name : names) {
        const std::string file = tag + "_net_" + name + ".pth";
        std::error_code ec;
        if (fs::is_regular_file(fs::path(dir) / file, ec))
            return (fs::path(dir) / file).string();
        tried += (tried.empty() ? "" : " or ") + file;
    }
    std::string epochs;
    for (const auto &t : listOfficialEpochs(dir))
        epochs += (epochs.empty() ? "" : ", ") + t;
    throw CheckpointError("Official folder '" + dir + "' has no " + tried + " (it has epochs: " +
                          (epochs.empty() ? "none" : epochs) + ")");
}

ResnetGenerator loadCheckpointGenerator(const std::string &checkpointDir, Direction direction,
                                        const torch::Device &device) {
    const CheckpointInfo info = readCheckpointInfo(checkpointDir);
    const bool aToB = direction == Direction::AToB;
    const fs::path file = fs::path(checkpointDir) / (aToB ? kGeneratorAFile : kGeneratorBFile);
    if (!fs::exists(file))
        throw CheckpointError("Checkpoint '" + checkpointDir + "' has no " +
                              file.filename().string() + " (it holds no " +
                              (aToB ? "A->B" : "B->A") + " generator)");
    ResnetGeneratorOptions options(aToB ? info.inputNc : info.outputNc,
                                   aToB ? info.outputNc : info.inputNc);
    options.ngf(info.ngf).n_blocks(info.nBlocks);
    ResnetGenerator net(options);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string(), device);
        net->load(archive);
    } catch (const c10::Error &e) {
        throw CheckpointError("Cannot load '" + file.string() + "': " + e.what_without_backtrace());
    }
    net->to(device);
    net->eval();
    return net;
}

void saveGeneratorCheckpoint(const std::string &checkpointDir, ResnetGenerator &generator) {
    const fs::path dir(checkpointDir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError("Cannot create '" + checkpointDir + "': " + ec.message());
    const auto &o = generator->options();
    const json state = {{"format", "cyclegan-studio-checkpoint"},
                        {"format_version", 1},
                        {"tag", dir.filename().string()},
                        {"epoch", 0},
                        {"epoch_iteration", 0},
                        {"iteration", 0},
                        {"arch", {{"netG", "resnet"}, {"ngf", o.ngf()}, {"n_blocks", o.n_blocks()},
                                  {"input_nc", o.input_nc()}, {"output_nc", o.output_nc()}}},
                        {"written_by", {{"cyclegan_studio", engineVersion()},
                                        {"libtorch", torchVersion()}}}};
    // Serialized in memory and written by us: LibTorch 1.13's file writer throws from its
    // destructor when a write fails (full disk), which would terminate the process.
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        generator->save(archive);
        archive.save_to(bytes);
    } catch (const c10::Error &e) {
        throw IoError("Cannot write '" + (dir / kGeneratorAFile).string() +
                      "': " + e.what_without_backtrace());
    }
    writeFileAtomically((dir / kGeneratorAFile).string(), bytes.str());
    writeFileAtomically((dir / "state.json").string(), state.dump(2));
}

void verifyCheckpointFolder(const std::string &dir) {
    const fs::path root(dir);
    std::string text;
    try {
        text = readFile((root / "manifest.json").string());
    } catch (const IoError &e) {
        throw CheckpointError("Checkpoint '" + dir + "' has no readable manifest.json (" +
                              e.what() + "): it was not completely written");
    }
    for (const auto &entry : parseManifest(text, dir)) {
        const fs::path file = root / entry.name;
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (ec || size != entry.size || fileChecksum(file.string()) != entry.checksum)
            throw CheckpointError("Checkpoint file '" + file.string() +
                                  "' is missing or damaged (size or checksum differs from "
                                  "manifest.json)");
    }
}

} // namespace cgs
