#include "core/engine/official/official_weights.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"
#include "core/engine/official/legacy_state_dict.h"
#include "core/engine/official/pickle_value.h"
#include "core/engine/official/state_dict_keys.h"
#include "core/engine/official/zip_state_dict.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace cgs {
namespace {

using official::FormatError;

std::string readHead(const std::string &path, size_t n) {
    if (std::filesystem::is_directory(path))
        throw FormatError("is a folder, not a weight file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FormatError("cannot open the file");
    std::string head(n, '\0');
    in.read(head.data(), static_cast<std::streamsize>(n));
    head.resize(static_cast<size_t>(in.gcount()));
    return head;
}

std::string readAll(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw FormatError("read error");
    return bytes;
}

bool endsWith(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Old PyTorch versions saved running statistics of InstanceNorm layers; the model has none.
// A module with running stats but no `weight` is such a non-affine InstanceNorm.
StateDict dropInstanceNormRunningStats(StateDict stateDict) {
    std::set<std::string> keys;
    for (const auto &entry : stateDict)
        keys.insert(entry.first);
    StateDict kept;
    for (auto &entry : stateDict) {
        bool stray = false;
        for (const char *suffix : {".running_mean", ".running_var", ".num_batches_tracked"}) {
            const std::string &key = entry.first;
            if (endsWith(key, suffix)) {
                const std::string module = key.substr(0, key.size() - std::strlen(suffix));
                stray = !keys.count(module + ".weight");
            }
        }
        if (!stray)
            kept.push_back(std::move(entry));
    }
    return kept;
}

StateDict readAnyFormat(const std::string &path, std::string *formatOut) {
    const std::string head = readHead(path, 64);
    StateDict stateDict;
    std::string format;
    if (official::looksLikeZip(head)) {
        stateDict = official::readZipStateDict(path);
        format = "official-zip";
    } else if (official::looksLikeLegacy(head)) {
        stateDict = official::readLegacyStateDict(readAll(path));
        format = "official-legacy";
    } else if (head.empty()) {
        throw FormatError("empty file, not a PyTorch file");
    } else {
        throw FormatError("not a PyTorch file");
    }
    if (formatOut)
        *formatOut = format;
    return stateDict;
}

} // namespace

StateDict readStateDictFile(const std::string &path, std::string *formatOut) {
    try {
        std::vector<std::string> notes;
        StateDict stateDict =
            normalizeStateDictKeys(dropInstanceNormRunningStats(readAnyFormat(path, formatOut)),
                                   &notes);
        for (const auto &note : notes)
            if (formatOut)
                *formatOut += "; " + note;
        return stateDict;
    } catch (const FormatError &e) {
        throw CheckpointError("Cannot read weight file '" + path + "': " + e.what());
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw CheckpointError("Cannot read weight file '" + path + "': damaged file (" +
                              what.substr(0, what.find('\n')) + ")");
    } catch (const std::bad_alloc &) {
        throw CheckpointError("Cannot read weight file '" + path +
                              "': damaged file (implausible tensor sizes)");
    }
}

void writeOfficialStateDict(const std::string &path, const StateDict &stateDict) {
    std::string bytes;
    try {
        bytes = official::encodeZipStateDict(stateDict);
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw IoError("Cannot write weight file '" + path +
                      "': " + what.substr(0, what.find('\n')));
    }
    writeFileAtomically(path, bytes);
}

} // namespace cgs
