#include "core/engine/train/training_checkpoint.h"

#include "core/engine/atomic_file.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/device.h"
#include "core/engine/error.h"
#include "core/engine/torch_compat.h"

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <utility>

namespace cgs {
namespace fs = std::filesystem;

namespace {

const char *const kNetFiles[] = {kGeneratorAFile, kGeneratorBFile, "D_A.pt", "D_B.pt"};

std::vector<torch::nn::Module *> nets(CycleGanModel &m) {
    return {m.netGA.get(), m.netGB.get(), m.netDA.get(), m.netDB.get()};
}

CheckpointArch archOf(const CycleGanModel &m) { return checkpointArchOf(m.netGA, &m.netDA); }

// Serializes in memory and writes the bytes ourselves: LibTorch 1.13's file writer throws
// from its destructor when a write fails (full disk, file size limit), which terminates the
// process instead of reporting the error; our write names the file and the errno cause.
void saveArchive(torch::serialize::OutputArchive &archive, const fs::path &path) {
    std::ostringstream bytes;
    archive.save_to(bytes);
    writeFileAtomically(path.string(), bytes.str());
}

// A pool is stored as one stacked tensor "<key>" when its images share a size (the layout
// since format version 1), else as "<key>_count" and "<key>_0", "<key>_1", ... (images of
// several sizes: --preprocess none or scale_width on a dataset of several sizes). load reads
// both.
void writePool(torch::serialize::OutputArchive &archive, const std::string &key,
               const ImagePool &pool) {
    const std::vector<torch::Tensor> images = pool.storedImages();
    bool oneSize = true;
    for (const auto &image : images)
        oneSize = oneSize && image.sizes() == images.front().sizes();
    if (oneSize) {
        archive.write(key, images.empty() ? torch::empty({0}) : torch::cat(images, 0));
        return;
    }
    archive.write(key + "_count", torch::tensor(static_cast<std::int64_t>(images.size())));
    for (size_t i = 0; i < images.size(); ++i)
        archive.write(key + "_" + std::to_string(i), images[i]);
}

std::vector<torch::Tensor> readPool(torch::serialize::InputArchive &archive,
                                    const std::string &key) {
    std::vector<torch::Tensor> images;
    torch::Tensor stacked;
    if (archive.try_read(key, stacked)) {
        if (stacked.dim() == 4)
            for (std::int64_t i = 0; i < stacked.size(0); ++i)
                images.push_back(stacked.narrow(0, i, 1));
        return images;
    }
    torch::Tensor count;
    archive.read(key + "_count", count);
    for (std::int64_t i = 0; i < count.item<std::int64_t>(); ++i) {
        torch::Tensor image;
        archive.read(key + "_" + std::to_string(i), image);
        images.push_back(image);
    }
    return images;
}

void saveTensors(const fs::path &path, CycleGanModel &model) {
    writeFileAtomically(path.string(), TrainingCheckpoint::rankState(model));
}

std::string rankFile(int rank) {
    char name[32];
    std::snprintf(name, sizeof name, "rank_%04d.pt", rank);
    return name;
}

void loadTensors(torch::serialize::InputArchive &archive, CycleGanModel &model) {
    const auto poolA = readPool(archive, "pool_A");
    const auto poolB = readPool(archive, "pool_B");
    torch::Tensor rng;
    archive.read("rng_cpu", rng);
    model.fakeAPool.loadStoredImages(poolA, model.device());
    model.fakeBPool.loadStoredImages(poolB, model.device());
    compat::setCpuRngState(rng);
}

void checkArch(const CheckpointArch &saved, const CycleGanModel &model, const std::string &dir) {
    const CheckpointArch now = archOf(model);
    const std::pair<const char *, std::pair<int, int>> fields[] = {
        {"ngf", {saved.ngf, now.ngf}},
        {"n_blocks", {saved.nBlocks, now.nBlocks}},
        {"input_nc", {saved.inputNc, now.inputNc}},
        {"output_nc", {saved.outputNc, now.outputNc}},
        {"ndf", {saved.ndf, now.ndf}},
        {"n_layers_D", {saved.nLayersD, now.nLayersD}}};
    for (const auto &[key, values] : fields)
        if (values.first != values.second)
            throw CheckpointError("Checkpoint '" + dir + "' was trained with " + key + " = " +
                                  std::to_string(values.first) + ", but the options say " +
                                  std::to_string(values.second) +
                                  "; use the run's original options or start a new --name");
}

// The message for a checkpoint that could not be written (full disk, file size limit, ...):
// it says whether the previous copy is still there, since that is what the user needs to know.
std::string writeFailure(const fs::path &final, const std::string &cause) {
    return "Cannot write checkpoint '" + final.string() + "': " + cause +
           (fs::exists(final / kManifestFile)
                ? "; the previous checkpoint '" + final.string() + "' is kept intact"
                : "; no earlier checkpoint of this tag exists");
}

CheckpointState readState(const fs::path &dir) { return readCheckpointState(dir.string()); }

} // namespace

std::string TrainingCheckpoint::save(const std::string &checkpointsDir, const std::string &tag,
                                     CycleGanModel &model, const TrainingCounters &counters,
                                     const std::vector<std::string> &otherRanks) {
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
            saveArchive(archive, tmp / kNetFiles[i]);
        }
        for (auto [optimizer, name] : {std::pair{model.optimizerG.get(), "optimizer_G.pt"},
                                       std::pair{model.optimizerD.get(), "optimizer_D.pt"}}) {
            torch::serialize::OutputArchive archive;
            optimizer->save(archive);
            saveArchive(archive, tmp / name);
        }
        saveTensors(tmp / "state.pt", model);
        for (size_t r = 0; r < otherRanks.size(); ++r)
            writeFileAtomically((tmp / rankFile(static_cast<int>(r) + 1)).string(), otherRanks[r]);
        CheckpointState state;
        state.tag = tag;
        state.counters = counters;
        state.arch = archOf(model);
        state.studioVersion = engineVersion();
        state.torchVersion = torchVersion();
        writeFileAtomically((tmp / kStateFile).string(), checkpointStateJson(state));
        writeCheckpointManifest(tmp.string());
    } catch (const c10::Error &e) {
        // LibTorch failed to serialize the training state: not a disk problem.
        fs::remove_all(tmp, ec);
        const std::string what = e.what_without_backtrace();
        throw CheckpointError(writeFailure(
            final, "the training state could not be serialized (" +
                       what.substr(0, what.find('\n')) + ")"));
    } catch (const IoError &e) {
        fs::remove_all(tmp, ec);
        throw IoError(writeFailure(final, e.what()));
    } catch (const Error &e) {
        fs::remove_all(tmp, ec);
        throw CheckpointError(writeFailure(final, e.what()));
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    syncFolder(tmp.string());
    // Swap: the old copy stays loadable (as .<tag>.old) until the new one is in place, then
    // it is kept as .<tag>.prev: the fallback when the newest copy is found damaged later.
    const fs::path prev = root / ("." + tag + ".prev");
    fs::remove_all(old, ec);
    if (fs::exists(final))
        fs::rename(final, old);
    fs::rename(tmp, final);
    syncFolder(root.string());
    if (fs::exists(old)) {
        // A damaged copy must not push out a good fallback: verify it first (it was just
        // written or read, so this is mostly a read from the page cache).
        bool intact = true;
        try {
            verify(old.string());
        } catch (const CheckpointError &) {
            intact = false;
        }
        if (intact) {
            fs::remove_all(prev, ec);
            fs::rename(old, prev, ec);
        } else {
            fs::remove_all(old, ec);
        }
        syncFolder(root.string());
    }
    return final.string();
}

bool TrainingCheckpoint::holdsAny(const std::string &checkpointsDir) {
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(checkpointsDir, ec))
        if (fs::exists(entry.path() / kManifestFile, ec))
            return true;
    return false;
}

void TrainingCheckpoint::verify(const std::string &dir) { verifyCheckpointFolder(dir); }

std::string TrainingCheckpoint::locate(const std::string &checkpointsDir, const std::string &tag) {
    const fs::path root(checkpointsDir);
    if (fs::exists(root / tag / kManifestFile))
        return (root / tag).string();
    if (fs::exists(root / ("." + tag + ".old") / kManifestFile))
        return (root / ("." + tag + ".old")).string();
    throw CheckpointError("No checkpoint '" + tag + "' in '" + checkpointsDir + "'");
}

std::string TrainingCheckpoint::locateIntact(const std::string &checkpointsDir,
                                             const std::string &tag,
                                             std::vector<std::string> &skipped) {
    return locateIntactCheckpoint(checkpointsDir, tag, {}, skipped);
}

TrainingCounters TrainingCheckpoint::load(const std::string &dir, CycleGanModel &model) {
    verify(dir);
    const fs::path root(dir);
    const CheckpointState state = readState(root);
    checkArch(state.arch, model, dir);
    try {
        auto list = nets(model);
        for (size_t i = 0; i < list.size(); ++i) {
            torch::serialize::InputArchive archive;
            archive.load_from((root / kNetFiles[i]).string(), model.device());
            list[i]->load(archive);
        }
        torch::load(*model.optimizerG, (root / "optimizer_G.pt").string(), model.device());
        torch::load(*model.optimizerD, (root / "optimizer_D.pt").string(), model.device());
        torch::serialize::InputArchive archive;
        archive.load_from((root / "state.pt").string());
        loadTensors(archive, model);
    } catch (const c10::Error &e) {
        throw CheckpointError("Cannot load checkpoint '" + dir + "': " + e.what_without_backtrace());
    }
    return state.counters;
}

std::string TrainingCheckpoint::rankState(CycleGanModel &model) {
    torch::serialize::OutputArchive archive;
    writePool(archive, "pool_A", model.fakeAPool);
    writePool(archive, "pool_B", model.fakeBPool);
    archive.write("rng_cpu", compat::cpuRngState());
    std::ostringstream bytes;
    archive.save_to(bytes);
    return bytes.str();
}

void TrainingCheckpoint::loadRankState(const std::string &bytes, CycleGanModel &model) {
    torch::serialize::InputArchive archive;
    archive.load_from(bytes.data(), bytes.size());
    loadTensors(archive, model);
}

int TrainingCheckpoint::worldSize(const std::string &checkpointDir) {
    int world = 1;
    while (fs::exists(fs::path(checkpointDir) / rankFile(world)))
        ++world;
    return world;
}

void TrainingCheckpoint::loadRank(const std::string &checkpointDir, int rank,
                                  CycleGanModel &model) {
    const fs::path path = fs::path(checkpointDir) / rankFile(rank);
    try {
        loadRankState(readFile(path.string()), model);
    } catch (const c10::Error &e) {
        throw CheckpointError("Cannot load '" + path.string() + "': " + e.what_without_backtrace());
    } catch (const IoError &e) {
        throw CheckpointError(e.what());
    }
}

} // namespace cgs
