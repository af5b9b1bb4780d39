#include "core/engine/checkpoint/checkpoint_manifest.h"

#include "core/engine/error.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace cgs {
using nlohmann::json;

namespace {

json parseObject(const std::string &text, const std::string &file) {
    json value;
    try {
        value = json::parse(text);
    } catch (const std::exception &e) {
        throw CheckpointError("Cannot read '" + file + "': " + e.what());
    }
    if (!value.is_object())
        throw CheckpointError("Cannot read '" + file + "': not a JSON object");
    return value;
}

// A counter from state.json (all are >= 0, which JSON parsing keeps as unsigned); a file
// edited by hand gets a message naming the field.
template <typename T> T counterField(const json &state, const char *key, const std::string &file) {
    const auto it = state.find(key);
    if (it != state.end() && it->is_number_unsigned() &&
        it->get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
        return static_cast<T>(it->get<std::uint64_t>());
    throw CheckpointError("Checkpoint '" + file + "' has no valid \"" + key +
                          "\" (edited by hand?)");
}

const char *const kFormat = "cyclegan-studio-checkpoint";

// An optional int field of "arch": absent keeps the default; anything but an int is refused.
void archField(const json &arch, const char *key, int &value, const std::string &file) {
    const auto it = arch.find(key);
    if (it == arch.end())
        return;
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
        it->get<std::int64_t>() > std::numeric_limits<int>::max())
        throw CheckpointError("Checkpoint '" + file + "' has no valid \"arch\" \"" + key +
                              "\" (edited by hand?)");
    value = it->get<int>();
}

std::string stringField(const json &object, const char *key, const std::string &fallback) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string lastPart(const std::string &dir) {
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/')
        d.pop_back();
    const auto slash = d.rfind('/');
    return slash == std::string::npos ? d : d.substr(slash + 1);
}

} // namespace

std::string checkpointStateJson(const CheckpointState &s) {
    json arch = {{"netG", "resnet"},          {"ngf", s.arch.ngf},
                 {"n_blocks", s.arch.nBlocks}, {"input_nc", s.arch.inputNc},
                 {"output_nc", s.arch.outputNc}};
    if (s.arch.ndf > 0) {
        arch["ndf"] = s.arch.ndf;
        arch["n_layers_D"] = s.arch.nLayersD;
    }
    const json state = {{"format", kFormat},
                        {"format_version", kCheckpointFormatVersion},
                        {"tag", s.tag},
                        {"epoch", s.counters.epoch},
                        {"epochs_completed", s.epochsCompleted()},
                        {"epoch_iteration", s.counters.epochIteration},
                        {"iteration", s.counters.iteration},
                        {"seed", s.counters.seed},
                        {"arch", arch},
                        {"written_by", {{"cyclegan_studio", s.studioVersion},
                                        {"libtorch", s.torchVersion}}}};
    return state.dump(2);
}

std::string manifestJson(const std::vector<ManifestEntry> &entries) {
    json files = json::object();
    for (const auto &e : entries)
        files[e.name] = {{"size", e.size}, {"fnv1a64", e.checksum}};
    json manifest = json::object();
    manifest["files"] = files;
    return manifest.dump(2);
}

std::vector<ManifestEntry> parseManifest(const std::string &text, const std::string &dir) {
    const std::string file = dir + "/" + kManifestFile;
    json manifest;
    try {
        manifest = parseObject(text, file);
    } catch (const CheckpointError &e) {
        throw CheckpointError(std::string(e.what()) + ": the checkpoint was not completely written");
    }
    const auto files = manifest.find("files");
    if (files == manifest.end() || !files->is_object() || files->empty())
        throw CheckpointError("Checkpoint '" + dir + "' has an empty manifest.json");
    std::vector<ManifestEntry> entries;
    for (const auto &[name, info] : files->items()) {
        if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
            name.find('\0') != std::string::npos)
            throw CheckpointError("'" + file + "' lists a file outside the checkpoint folder");
        const auto size = info.is_object() ? info.find("size") : info.end();
        const auto sum = info.is_object() ? info.find("fnv1a64") : info.end();
        if (!info.is_object() || size == info.end() || !size->is_number_unsigned() ||
            sum == info.end() || !sum->is_string())
            throw CheckpointError("'" + file + "' has no valid size and fnv1a64 for '" + name +
                                  "'");
        entries.push_back({name, size->get<std::uintmax_t>(), sum->get<std::string>()});
    }
    return entries;
}

CheckpointState parseCheckpointState(const std::string &text, const std::string &dir) {
    const std::string file = dir + "/" + kStateFile;
    const json state = parseObject(text, file);
    const auto format = state.find("format");
    if (format == state.end() || *format != kFormat)
        throw CheckpointError("'" + dir + "' is not a CycleGAN Studio checkpoint");
    const auto version = state.find("format_version");
    if (version == state.end() || !version->is_number_integer() ||
        version->get<std::int64_t>() != kCheckpointFormatVersion) {
        const auto by = state.find("written_by");
        throw CheckpointError(
            "Checkpoint '" + dir + "' has format_version " +
            (version == state.end() ? "(missing)" : version->dump()) +
            (by != state.end() ? " (written by " + by->dump() + ")" : std::string()) +
            ", but this build reads version " + std::to_string(kCheckpointFormatVersion) +
            "; resume it with the version that wrote it");
    }
    CheckpointState s;
    s.counters.epoch = counterField<int>(state, "epoch", file);
    s.counters.epochIteration = counterField<std::int64_t>(state, "epoch_iteration", file);
    s.counters.iteration = counterField<std::int64_t>(state, "iteration", file);
    if (state.contains("seed"))
        s.counters.seed = counterField<std::uint64_t>(state, "seed", file);
    s.tag = stringField(state, "tag", lastPart(dir));
    const auto arch = state.find("arch");
    if (arch != state.end() && arch->is_object()) {
        archField(*arch, "ngf", s.arch.ngf, file);
        archField(*arch, "n_blocks", s.arch.nBlocks, file);
        archField(*arch, "input_nc", s.arch.inputNc, file);
        archField(*arch, "output_nc", s.arch.outputNc, file);
        archField(*arch, "ndf", s.arch.ndf, file);
        archField(*arch, "n_layers_D", s.arch.nLayersD, file);
    }
    const auto by = state.find("written_by");
    if (by != state.end() && by->is_object()) {
        s.studioVersion = stringField(*by, "cyclegan_studio", "");
        s.torchVersion = stringField(*by, "libtorch", "");
    }
    return s;
}

} // namespace cgs
