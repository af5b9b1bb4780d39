#include "core/engine/official/official_run_folder.h"

#include "core/engine/error.h"

#include <algorithm>
#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {

const char *const kPairSuffixes[] = {"_net_G_A.pth", "_net_G_B.pth"};
const char *const kSingleSuffix = "_net_G.pth";

bool endsWith(const std::string &name, const std::string &suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool holdsOfficialPair(const std::string &dir) {
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec))
        for (const char *suffix : kPairSuffixes)
            if (endsWith(entry.path().filename().string(), suffix))
                return true;
    return false;
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
    const std::string suffixes[] = {kPairSuffixes[0], kPairSuffixes[1], kSingleSuffix};
    std::vector<std::string> tags;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        for (const auto &suffix : suffixes) {
            if (!endsWith(name, suffix))
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

} // namespace cgs
