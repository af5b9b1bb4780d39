// One owner of the run folder's format (docs/ARCHITECTURE.md, "The run folder"): the names of
// its files appear in core/ only. A string literal in ui/ or app/ that is one of them as a path
// ("config.json", QStringLiteral("loss_log.csv"), "/previews") fails this test; prose that
// mentions a file to the user (a help text, a tooltip) has spaces and passes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace cgs::test {
namespace {
namespace fs = std::filesystem;

TEST(RunFolderNames, OnlyTheCoreNamesTheRunFoldersFiles) {
    const char *dir = std::getenv("CGS_SOURCE_DIR");
    const fs::path root = dir ? dir : ".";
    ASSERT_TRUE(fs::exists(root / "core/engine/train/run_folder.cpp")) << root;
    // A whole literal that is a path ending in one of the run folder's names.
    const std::regex literal(
        "\"(?:[^\"\\s]*/)?(config\\.json|loss_log\\.csv|heartbeat\\.json|metrics\\.csv|"
        "\\.lock|previews|checkpoints|state\\.json|manifest\\.json)/?\"");
    std::string found;
    int files = 0;
    for (const char *top : {"ui", "app"}) {
        for (const auto &entry : fs::recursive_directory_iterator(root / top)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
                continue;
            ++files;
            std::ifstream in(entry.path());
            std::string line;
            for (int n = 1; std::getline(in, line); ++n) {
                const std::string code = line.substr(0, line.find("//"));
                std::smatch m;
                if (std::regex_search(code, m, literal))
                    found += "\n  " + fs::relative(entry.path(), root).string() + ":" +
                             std::to_string(n) + ": " + m.str();
            }
        }
    }
    EXPECT_GT(files, 20) << "no sources found under " << root;
    EXPECT_TRUE(found.empty()) << "run folder file names outside core/ (ask cgs::RunFolder, "
                                  "cgs::MetricsLog or cgs::locateModel instead):"
                               << found;
}

} // namespace
} // namespace cgs::test
