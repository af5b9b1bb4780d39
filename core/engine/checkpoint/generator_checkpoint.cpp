#include "core/engine/checkpoint/generator_checkpoint.h"

#include "core/engine/atomic_file.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/device.h"
#include "core/engine/error.h"

#include <filesystem>
#include <sstream>

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

ResnetGenerator loadCheckpointGenerator(const std::string &checkpointDir, Direction direction,
                                        const torch::Device &device) {
    const CheckpointInfo info = readCheckpointInfo(checkpointDir);
    const bool aToB = direction == Direction::AToB;
    const fs::path file = fs::path(checkpointDir) / (aToB ? kGeneratorAFile : kGeneratorBFile);
    if (!fs::exists(file))
        throw CheckpointError("Checkpoint '" + checkpointDir + "' has no " +
                              file.filename().string() + " (it holds no " +
                              (aToB ? "A->B" : "B->A") + " generator)");
    const CheckpointArch &arch = info.arch;
    ResnetGeneratorOptions options(aToB ? arch.inputNc : arch.outputNc,
                                   aToB ? arch.outputNc : arch.inputNc);
    options.ngf(arch.ngf).n_blocks(arch.nBlocks);
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
    CheckpointState state;
    state.tag = dir.filename().string();
    state.counters.epoch = 0; // not trained here: no epochs
    state.arch = checkpointArchOf(generator);
    state.studioVersion = engineVersion();
    state.torchVersion = torchVersion();
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
    writeFileAtomically((dir / kStateFile).string(), checkpointStateJson(state));
}

} // namespace cgs
