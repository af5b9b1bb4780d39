#include "tests/architecture/include_layers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace cgs::test {
namespace {
namespace fs = std::filesystem;

std::string sourceDir() {
    const char *dir = std::getenv("CGS_SOURCE_DIR");
    return dir ? dir : ".";
}

Architecture declared() {
    std::ifstream in(sourceDir() + "/docs/ARCHITECTURE.md");
    std::ostringstream text;
    text << in.rdbuf();
    return parseArchitecture(text.str());
}

std::string joined(const std::vector<std::string> &lines) {
    std::string out;
    for (const auto &l : lines)
        out += "\n  " + l;
    return out;
}

TEST(IncludeLayers, DocumentDeclaresTheLayersAndFacades) {
    const Architecture arch = declared();
    ASSERT_GE(arch.layers.size(), 5u) << "docs/ARCHITECTURE.md has no ```layers block";
    EXPECT_EQ(arch.layers.front(), std::vector<std::string>{"core/engine"});
    EXPECT_TRUE(arch.facades.count("core/engine/translate/translator.h"));
}

TEST(IncludeLayers, TheTreeFollowsTheDeclaredOrder) {
    const auto problems = checkIncludes(sourceDir(), declared());
    EXPECT_TRUE(problems.empty()) << problems.size() << " include(s) break docs/ARCHITECTURE.md:"
                                  << joined(problems);
}

// A small tree in a temporary folder, to show that the check catches what it must.
class PlantedTree : public ::testing::Test {
protected:
    void SetUp() override {
        m_root = fs::temp_directory_path() /
                 ("cgs_include_layers_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_root);
        write("core/engine/error.h", "#pragma once\n");
        write("core/engine/nn/net.h", "#include \"core/engine/error.h\"\n#include <torch/torch.h>\n");
        write("core/engine/train/trainer.h", "#include \"core/engine/error.h\"\n");
        write("core/engine/translate/translator.h", "#include \"core/engine/error.h\"\n");
        write("ui/page.cpp", "#include \"core/engine/train/trainer.h\"\n#include <QWidget>\n");
        m_arch = parseArchitecture("```layers\ncore/engine\ncore/engine/nn\n"
                                   "core/engine/translate core/engine/train\nui\n```\n"
                                   "```facades\ncore/engine/error.h core/engine/train/trainer.h\n"
                                   "```\n");
    }
    void TearDown() override { fs::remove_all(m_root); }
    void write(const std::string &file, const std::string &text) {
        fs::create_directories((m_root / file).parent_path());
        std::ofstream(m_root / file) << text;
    }
    std::vector<std::string> check() { return checkIncludes(m_root.string(), m_arch); }

    fs::path m_root;
    Architecture m_arch;
};

TEST_F(PlantedTree, ConformingTreePasses) {
    EXPECT_TRUE(check().empty()) << joined(check());
}

TEST_F(PlantedTree, AClimbingIncludeFails) {
    write("core/engine/nn/net.cpp", "#include \"core/engine/nn/net.h\"\n"
                                    "#include \"core/engine/train/trainer.h\"\n");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_NE(problems[0].find("core/engine/nn/net.cpp:2 includes core/engine/train/trainer.h"),
              std::string::npos)
        << problems[0];
    EXPECT_NE(problems[0].find("climbs"), std::string::npos) << problems[0];
}

TEST_F(PlantedTree, SiblingsStayApart) {
    write("core/engine/train/trainer.cpp", "#include \"core/engine/translate/translator.h\"\n");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_NE(problems[0].find("sibling"), std::string::npos) << problems[0];
}

TEST_F(PlantedTree, UiIncludesOnlyFacades) {
    write("ui/other.cpp", "#include \"core/engine/translate/translator.h\"\n");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_NE(problems[0].find("not an engine facade"), std::string::npos) << problems[0];
}

TEST_F(PlantedTree, AFacadeReachingTorchFails) {
    write("core/engine/train/trainer.h", "#include \"core/engine/nn/net.h\"\n");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_NE(problems[0].find("reaches Torch: core/engine/nn/net.h includes <torch/torch.h>"),
              std::string::npos)
        << problems[0];
}

TEST_F(PlantedTree, AnUnlistedFolderFails) {
    write("core/engine/metrics/fid.h", "#include \"core/engine/error.h\"\n");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_NE(problems[0].find("core/engine/metrics/ is in no layer"), std::string::npos)
        << problems[0];
}

} // namespace
} // namespace cgs::test
