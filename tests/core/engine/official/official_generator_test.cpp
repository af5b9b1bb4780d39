#include "core/engine/official/official_weights.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

// A raw little-endian float32 fixture of the given shape.
torch::Tensor readRaw(const std::string &name, const std::vector<int64_t> &shape) {
    std::ifstream in(test::officialFixture(name), std::ios::binary);
    torch::Tensor t = torch::empty(shape, torch::kFloat32);
    in.read(static_cast<char *>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
    EXPECT_EQ(in.gcount(), static_cast<std::streamsize>(t.nbytes())) << name;
    return t;
}

std::string tempFile(const std::string &name) {
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("cgs_official_" + std::to_string(random()));
    fs::create_directories(dir);
    return (dir / name).string();
}

void expectPythonOutput(const std::string &file, const std::string &tag, int64_t inputNc,
                        int64_t outputNc) {
    ResnetGenerator g = loadOfficialGenerator(test::officialFixture(file), torch::kCPU);
    EXPECT_FALSE(g->is_training());
    const torch::Tensor input = readRaw(tag + "_input.f32", {1, inputNc, 36, 52});
    const torch::Tensor expected = readRaw(tag + "_output.f32", {1, outputNc, 36, 52});
    torch::NoGradGuard noGrad;
    const torch::Tensor output = g->forward(input);
    ASSERT_EQ(output.sizes(), expected.sizes());
    EXPECT_LT((output - expected).abs().max().item<float>(), 1e-5f) << file;
}

TEST(OfficialGenerator, MatchesPythonForward9Blocks) {
    expectPythonOutput("gen9_zip.pth", "gen9", 3, 3);
    expectPythonOutput("gen9_legacy.pth", "gen9", 3, 3);
    expectPythonOutput("gen9_legacy_running_stats.pth", "gen9", 3, 3);
}

TEST(OfficialGenerator, MatchesPythonForward6Blocks) {
    expectPythonOutput("gen6_zip.pth", "gen6", 1, 2);
    expectPythonOutput("gen6_legacy.pth", "gen6", 1, 2);
}

TEST(OfficialGenerator, ReportsFormatAndArchitecture) {
    std::string format;
    ResnetGenerator g = loadOfficialGenerator(test::officialFixture("gen6_legacy.pth"), torch::kCPU, &format);
    EXPECT_EQ(format, "official-legacy");
    EXPECT_EQ(g->options().ngf(), 3);
    EXPECT_EQ(g->options().n_blocks(), 6);
    EXPECT_EQ(g->options().input_nc(), 1);
    EXPECT_EQ(g->options().output_nc(), 2);
}

TEST(OfficialGenerator, RoundTripsExactly) {
    torch::manual_seed(7);
    ResnetGenerator original(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(6));
    const std::string path = tempFile("G_A.pth");
    saveOfficialGenerator(path, original);

    const StateDict written = readStateDictFile(path);
    const auto params = original->named_parameters();
    ASSERT_EQ(written.size(), params.size());
    for (size_t i = 0; i < written.size(); ++i)
        EXPECT_EQ(written[i].first, params[i].key()) << "official key order";
    EXPECT_EQ(written.front().first, "model.1.weight");
    EXPECT_EQ(written.back().first, "model.23.bias");

    ResnetGenerator loaded = loadOfficialGenerator(path, torch::kCPU);
    const auto loadedParams = loaded->named_parameters();
    for (const auto &item : params)
        EXPECT_TRUE(torch::equal(item.value(), loadedParams[item.key()])) << item.key();
    fs::remove_all(fs::path(path).parent_path());
}

TEST(OfficialGenerator, RejectsDiscriminatorFile) {
    const std::string path = test::officialFixture("disc_zip.pth");
    try {
        loadOfficialGenerator(path, torch::kCPU);
        FAIL() << "no error";
    } catch (const CheckpointError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path), std::string::npos) << what;
        EXPECT_NE(what.find("PatchGAN discriminator"), std::string::npos) << what;
    }
}

TEST(OfficialGenerator, RejectsCorruptFiles) {
    for (const char *name : {"text.pth", "truncated_zip.pth"}) {
        const std::string path = test::officialFixture(name);
        try {
            loadOfficialGenerator(path, torch::kCPU);
            FAIL() << "no error for " << name;
        } catch (const CheckpointError &e) {
            EXPECT_NE(std::string(e.what()).find("'" + path + "'"), std::string::npos);
        }
    }
}

// Writes files for tests/fixtures/official/verify_written.py, which checks them in Python:
//   CGS_OFFICIAL_EXPORT_DIR=/tmp/x official_generator_test --gtest_filter=*Python*
//   /usr/bin/python3 tests/fixtures/official/verify_written.py /tmp/x
TEST(OfficialGenerator, ExportsFilesForPythonCheck) {
    const char *dir = std::getenv("CGS_OFFICIAL_EXPORT_DIR");
    if (!dir)
        GTEST_SKIP() << "set CGS_OFFICIAL_EXPORT_DIR to write the files";
    ResnetGenerator fromPython = loadOfficialGenerator(test::officialFixture("gen9_legacy.pth"), torch::kCPU);
    saveOfficialGenerator(std::string(dir) + "/ours_gen9.pth", fromPython);

    torch::manual_seed(11);
    ResnetGenerator ours(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(6));
    ours->eval();
    saveOfficialGenerator(std::string(dir) + "/ours_random.pth", ours);
    const torch::Tensor input = torch::rand({1, 3, 36, 52}) * 2 - 1;
    torch::NoGradGuard noGrad;
    const torch::Tensor output = ours->forward(input);
    for (const auto &[name, t] :
         {std::pair{"ours_random_input.f32", input}, std::pair{"ours_random_output.f32", output}})
        std::ofstream(std::string(dir) + "/" + name, std::ios::binary)
            .write(static_cast<const char *>(t.data_ptr()), t.nbytes());
}

} // namespace
} // namespace cgs
