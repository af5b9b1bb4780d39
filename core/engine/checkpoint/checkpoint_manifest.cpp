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

} // namespace

std::vector<ManifestEntry> parseManifest(const std::string &text, const std::string &dir) {
    const std::string file = dir + "/manifest.json";
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
    const std::string file = dir + "/state.json";
    const json state = parseObject(text, file);
    const auto format = state.find("format");
    if (format == state.end() || *format != "cyclegan-studio-checkpoint")
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
    s.counters.seed = counterField<std::uint64_t>(state, "seed", file);
    const auto arch = state.find("arch");
    s.archJson = arch != state.end() && arch->is_object() ? arch->dump() : "{}";
    return s;
}

} // namespace cgs
