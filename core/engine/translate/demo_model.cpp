#include "core/engine/translate/demo_model.h"

#include "core/engine/error.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace cgs {
namespace fs = std::filesystem;

namespace {
const char *kSourceSubdir = "resources/demo/model";
const char *kInstalledSubdir = "demo/model";

// The running executable's folder (Linux: /proc/self/exe), empty when unknown.
fs::path executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}
} // namespace

std::vector<std::string> demoModelSearchPaths() {
    if (const char *chosen = std::getenv("CGS_DEMO_MODEL"); chosen && *chosen)
        return std::string(chosen) == "none" ? std::vector<std::string>{}
                                             : std::vector<std::string>{chosen};
    std::vector<std::string> paths;
    if (const char *env = std::getenv("CGS_SOURCE_DIR"); env && *env)
        paths.push_back((fs::path(env) / kSourceSubdir).string());
    if (const fs::path dir = executableDir(); !dir.empty())
        paths.push_back((dir / "../share/cyclegan-studio" / kInstalledSubdir).lexically_normal().string());
#ifdef CGS_CONFIGURED_SOURCE_DIR
    paths.push_back((fs::path(CGS_CONFIGURED_SOURCE_DIR) / kSourceSubdir).string());
#endif
#ifdef CGS_CONFIGURED_DATA_DIR
    paths.push_back((fs::path(CGS_CONFIGURED_DATA_DIR) / kInstalledSubdir).string());
#endif
    return paths;
}

std::string findDemoModelFolder() {
    for (const std::string &path : demoModelSearchPaths()) {
        std::error_code ec;
        if (fs::is_regular_file(fs::path(path) / "state.json", ec) &&
            fs::is_regular_file(fs::path(path) / "G_A.pt", ec))
            return fs::weakly_canonical(path, ec).string();
    }
    return {};
}

std::string demoModelFolder() {
    if (std::string found = findDemoModelFolder(); !found.empty())
        return found;
    std::string looked;
    for (const std::string &path : demoModelSearchPaths())
        looked += (looked.empty() ? "" : ", ") + path;
    throw CheckpointError("The demo model is not installed (looked in: " + looked +
                          "); reinstall CycleGAN Studio or set CGS_SOURCE_DIR to a source checkout");
}

std::string demoModelDescription() {
    return "Demo model: Monet paintings <-> landscape photos (CycleGAN, 6 blocks, ngf 32, trained "
           "on 250 Monet paintings and 500 photos at 128 px)";
}

} // namespace cgs
