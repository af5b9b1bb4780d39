// The bundled demo model (resources/demo/model) through `cyclegan translate --model demo`: it
// loads from the source tree, translates demo images in both directions at their own size, and
// gives the committed reference outputs (tests/fixtures/demo_model, made by
// scripts/train-demo-model.sh) within one grey level: the model, its fp16 storage and the
// translation path stay what they were when it was trained.
#include "core/imageio/image_codec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>
#include <sys/wait.h>

namespace cgs {
namespace {

namespace fs = std::filesystem;

std::string sourceDir() {
    const char *root = std::getenv("CGS_SOURCE_DIR");
    return root ? root : ".";
}

class DemoModelCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("cgs_demo_" + std::to_string(random()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Translates `input` with the demo model into m_dir/<direction>/ and returns the output.
    Image translate(const std::string &input, const std::string &direction) const {
        const fs::path out = m_dir / direction;
        const std::string cmd = std::string("'") + CGS_CLI_PATH + "' translate --model demo --direction " +
                                direction + " --device cpu '" + input + "' -o '" + out.string() +
                                "' > '" + (m_dir / "log").string() + "' 2>&1";
        const int status = std::system(cmd.c_str());
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
        // One input, one output (its name follows translate's output-name rule).
        std::vector<fs::path> outputs;
        for (const auto &entry : fs::directory_iterator(out))
            if (entry.path().filename().string()[0] != '.') // not the export record
                outputs.push_back(entry.path());
        EXPECT_EQ(outputs.size(), 1u);
        return outputs.empty() ? Image{} : readImage(outputs.front().string());
    }

    fs::path m_dir;
};

int maxGreyLevelDifference(const Image &a, const Image &b) {
    int worst = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i)
        worst = std::max(worst, std::abs(int(a.data[i]) - int(b.data[i])));
    return worst;
}

TEST(DemoModel, IsFoundInTheSourceTree) {
    EXPECT_TRUE(fs::exists(fs::path(sourceDir()) / "resources/demo/model/G_A.pt"));
    EXPECT_TRUE(fs::exists(fs::path(sourceDir()) / "resources/demo/model/G_B.pt"));
}

TEST_F(DemoModelCliTest, TranslatesBothWaysToTheCommittedReferenceWithinOneGreyLevel) {
    const fs::path demo = fs::path(sourceDir()) / "resources/demo/monet2photo";
    const fs::path fixtures = fs::path(sourceDir()) / "tests/fixtures/demo_model";
    struct Case {
        std::string input, direction, reference;
    };
    for (const Case &c : {Case{(demo / "testB/0033c5f971.jpg").string(), "BtoA",
                               (fixtures / "photo2monet_0033c5f971.png").string()},
                          Case{(demo / "testA/052a77c020.jpg").string(), "AtoB",
                               (fixtures / "monet2photo_052a77c020.png").string()}}) {
        const Image out = translate(c.input, c.direction);
        const Image in = readImage(c.input), reference = readImage(c.reference);
        ASSERT_EQ(out.width, in.width) << c.input;
        ASSERT_EQ(out.height, in.height) << c.input;
        ASSERT_EQ(out.width, reference.width);
        ASSERT_EQ(out.height, reference.height);
        ASSERT_EQ(out.channels, reference.channels);
        EXPECT_LE(maxGreyLevelDifference(out, reference), 1) << c.input;
        EXPECT_GT(maxGreyLevelDifference(out, in), 16) << "the model changed nothing: " << c.input;
    }
}

} // namespace
} // namespace cgs
