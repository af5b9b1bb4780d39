// Replays the inputs that once crashed a fuzzer (fuzz/regressions/<target>/*) through the
// same entry points, in the normal build: each must give a result or a cgs::Error.
#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"
#include "core/engine/train/train_options.h"
#include "core/imageio/image_codec.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace {
namespace fs = std::filesystem;

std::string readAll(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Calls `check` on each input of fuzz/regressions/<target>; returns how many there were.
int replay(const std::string &target, const std::function<void(const std::string &)> &check) {
    const char *src = std::getenv("CGS_SOURCE_DIR");
    const fs::path dir = fs::path(src ? src : ".") / "fuzz/regressions" / target;
    int count = 0;
    for (const auto &e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().filename().string()[0] == '.')
            continue;
        SCOPED_TRACE(e.path().string());
        ++count;
        const std::string bytes = readAll(e.path());
        try {
            check(bytes);
        } catch (const cgs::Error &) {
            // the documented outcome for a bad input
        } catch (const std::exception &ex) {
            ADD_FAILURE() << "escaped as " << typeid(ex).name() << ": " << ex.what();
        }
    }
    return count;
}

TEST(FuzzRegressions, CheckpointJsonInputsAreRejectedCleanly) {
    const int n = replay("checkpoint_json", [](const std::string &text) {
        try {
            cgs::parseManifest(text, "regression");
        } catch (const cgs::CheckpointError &) {
        }
        cgs::parseCheckpointState(text, "regression");
    });
    std::printf("%d checkpoint_json inputs\n", n);
}

TEST(FuzzRegressions, ImageInputsAreRejectedCleanly) {
    const int n = replay("image_decode", [](const std::string &bytes) {
        const auto image = cgs::decodeImage(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                            bytes.size(), "regression");
        EXPECT_EQ(image.data.size(), static_cast<size_t>(image.width) * image.height *
                                         static_cast<size_t>(image.channels));
    });
    std::printf("%d image_decode inputs\n", n);
}

TEST(FuzzRegressions, TrainConfigInputsAreRejectedCleanly) {
    const int n = replay("train_config", [](const std::string &text) {
        const cgs::TrainOptions options = cgs::trainOptionsFromJson(text);
        const std::string written = cgs::toJson(options); // accepted options round-trip
        EXPECT_EQ(cgs::toJson(cgs::trainOptionsFromJson(written)), written);
    });
    std::printf("%d train_config inputs\n", n);
}

TEST(FuzzRegressions, PthInputsAreRejectedCleanly) {
    const fs::path file =
        fs::temp_directory_path() / ("cgs_pth_regression_" + std::to_string(::getpid()) + ".pth");
    const int n = replay("pth_reader", [&](const std::string &bytes) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        cgs::readStateDictFile(file.string());
    });
    fs::remove(file);
    std::printf("%d pth_reader inputs\n", n);
}

} // namespace
