#include "core/engine/checkpoint/generator_checkpoint.h"

#include "core/engine/atomic_file.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/device.h"
#include "core/engine/error.h"

#include <filesystem>
#include <optional>
#include <sstream>
#include <vector>

namespace cgs {
namespace fs = std::filesystem;

CheckpointArch checkpointArchOf(const ResnetGenerator &generator,
                                const NLayerDiscriminator *discriminator) {
    const auto &g = generator->options();
    CheckpointArch arch;
    arch.ngf = static_cast<int>(g.ngf());
    arch.nBlocks = static_cast<int>(g.n_blocks());
    arch.inputNc = static_cast<int>(g.input_nc());
    arch.outputNc = static_cast<int>(g.output_nc());
    if (discriminator) {
        arch.ndf = static_cast<int>((*discriminator)->options().ndf());
        arch.nLayersD = static_cast<int>((*discriminator)->options().n_layers());
    }
    return arch;
}

namespace {
// The dtype of the stored tensor `key` ("model.1.weight": Module::save nests one archive per
// submodule), or nothing when the archive does not hold it.
std::optional<torch::Dtype> storedDtype(torch::serialize::InputArchive &archive,
                                        const std::string &key) {
    std::vector<std::string> path;
    std::stringstream parts(key);
    for (std::string part; std::getline(parts, part, '.');)
        path.push_back(part);
    std::vector<torch::serialize::InputArchive> nested(path.size());
    torch::serialize::InputArchive *at = &archive;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        if (!at->try_read(path[i], nested[i]))
            return std::nullopt;
        at = &nested[i];
    }
    torch::Tensor tensor;
    if (path.empty() || !at->try_read(path.back(), tensor))
        return std::nullopt;
    return tensor.scalar_type();
}

// Serialized in memory and written by us: LibTorch 1.13's file writer throws from its destructor
// when a write fails (full disk), which would terminate the process.
void writeGenerator(const fs::path &file, ResnetGenerator &generator) {
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        generator->save(archive);
        archive.save_to(bytes);
    } catch (const c10::Error &e) {
        throw IoError("Cannot write '" + file.string() + "': " + e.what_without_backtrace());
    }
    writeFileAtomically(file.string(), bytes.str());
}

void writeGeneratorFolder(const fs::path &dir, ResnetGenerator &aToB, ResnetGenerator *bToA) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError("Cannot create '" + dir.string() + "': " + ec.message());
    CheckpointState state;
    state.tag = dir.filename().string();
    state.counters.epoch = 0; // not trained here: no epochs
    state.arch = checkpointArchOf(aToB);
    state.studioVersion = engineVersion();
    state.torchVersion = torchVersion();
    writeGenerator(dir / kGeneratorAFile, aToB);
    if (bToA)
        writeGenerator(dir / kGeneratorBFile, *bToA);
    writeFileAtomically((dir / kStateFile).string(), checkpointStateJson(state));
    writeCheckpointManifest(dir.string()); // last: readers verify the generators against it
}

// A LibTorch archive that cannot be opened as one (LibTorch's "failed finding central
// directory", "file in archive is not in a subdirectory"...): the file's bytes are damaged,
// which is another error than a readable archive of other networks.
bool archiveUnreadable(const std::string &message) {
    return message.find("PytorchStreamReader") != std::string::npos ||
           message.find("zip archive") != std::string::npos ||
           message.find("central directory") != std::string::npos;
}
} // namespace

ResnetGenerator loadCheckpointGenerator(const std::string &checkpointDir, Direction direction,
                                        const torch::Device &device) {
    const CheckpointInfo info = readCheckpointInfo(checkpointDir);
    const bool aToB = direction == Direction::AToB;
    const fs::path file = fs::path(checkpointDir) / (aToB ? kGeneratorAFile : kGeneratorBFile);
    if (!fs::exists(file))
        throw CheckpointError("Checkpoint '" + checkpointDir + "' has no " +
                              file.filename().string() + " (it holds no " +
                              (aToB ? "A->B" : "B->A") + " generator)");
    verifyCheckpointFiles(checkpointDir, {file.filename().string()});
    const CheckpointArch &arch = info.arch;
    ResnetGeneratorOptions options(aToB ? arch.inputNc : arch.outputNc,
                                   aToB ? arch.outputNc : arch.inputNc);
    options.ngf(arch.ngf).n_blocks(arch.nBlocks);
    ResnetGenerator net(options);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string(), device);
        // Module::load copies each stored tensor into the parameter's storage as it is, so the
        // module must first have the stored dtype (fp16 for the bundled demo model).
        const auto params = net->named_parameters();
        if (!params.is_empty())
            if (const auto stored = storedDtype(archive, params.begin()->key());
                stored && *stored != torch::kFloat)
                net->to(*stored);
        net->load(archive);
    } catch (const c10::Error &e) {
        const std::string cause = e.what_without_backtrace();
        if (archiveUnreadable(cause))
            throw DamagedCheckpointError("Checkpoint file '" + file.string() +
                                         "' is damaged or truncated: it is no longer a readable "
                                         "LibTorch archive (" + cause.substr(0, cause.find('\n')) +
                                         ")");
        throw CheckpointError("Cannot load '" + file.string() + "': " + cause);
    }
    // Weights may be stored in fp16 (the bundled demo model): inference runs in fp32.
    net->to(device, torch::kFloat);
    net->eval();
    return net;
}

void saveGeneratorCheckpoint(const std::string &checkpointDir, ResnetGenerator &generator) {
    writeGeneratorFolder(checkpointDir, generator, nullptr);
}

void saveModelFolder(const std::string &folder, ResnetGenerator &aToB, ResnetGenerator &bToA) {
    writeGeneratorFolder(folder, aToB, &bToA);
}

} // namespace cgs
