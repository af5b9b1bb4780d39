#include "core/engine/metrics/inception_weights.h"

#include "core/engine/error.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace cgs {
namespace {

std::string envOr(const char *name, const std::string &fallback) {
    const char *value = std::getenv(name);
    return value && *value ? std::string(value) : fallback;
}

std::string homeCache() { return envOr("HOME", ".") + "/.cache"; }

std::string torchHubPath() {
    return envOr("TORCH_HOME", homeCache() + "/torch") + "/hub/checkpoints/" +
           kInceptionWeightsFile;
}

bool isFile(const std::string &path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

} // namespace

std::string defaultInceptionWeightsPath() {
    return envOr("XDG_CACHE_HOME", homeCache()) + "/cyclegan-studio/" + kInceptionWeightsFile;
}

std::string inceptionWeightsHelp() {
    return std::string("FID and KID need pytorch-fid's Inception weights, ") +
           kInceptionWeightsFile + " (95 MB), which CycleGAN Studio cannot ship or download: "
           "download " + kInceptionWeightsUrl + " and put it at " +
           defaultInceptionWeightsPath() + " (or " + torchHubPath() +
           "), or give its path with --inception_weights or $" + kInceptionWeightsEnv +
           ". SWD needs no weights (--metrics swd).";
}

std::string resolveInceptionWeights(const std::string &explicitPath) {
    for (const auto &[path, origin] :
         {std::pair{explicitPath, std::string("--inception_weights")},
          std::pair{envOr(kInceptionWeightsEnv, ""), std::string("$") + kInceptionWeightsEnv}}) {
        if (path.empty())
            continue;
        if (!isFile(path))
            throw ConfigError(origin + " '" + path + "' does not exist. " + inceptionWeightsHelp());
        return path;
    }
    for (const std::string &path : {defaultInceptionWeightsPath(), torchHubPath()}) {
        if (isFile(path))
            return path;
    }
    throw ConfigError(inceptionWeightsHelp());
}

std::string hashFileContents(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("Cannot read '" + path + "' to hash it");
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize n = in.gcount();
        for (std::streamsize i = 0; i < n; ++i)
            hash = (hash ^ static_cast<unsigned char>(buffer[i])) * 0x100000001B3ULL;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

} // namespace cgs
