// Weight files as people have them: saved with dropout, from wrapped models,
// with a missing key, or a whole pickled model. Fixtures: make_fixtures.py, make_variants().
#include "core/engine/official/official_weights.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

#include <fstream>

namespace cgs {
namespace {

torch::Tensor readRaw(const std::string &name, const std::vector<int64_t> &shape) {
    std::ifstream in(test::officialFixture(name), std::ios::binary);
    torch::Tensor t = torch::empty(shape, torch::kFloat32);
    in.read(static_cast<char *>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
    return t;
}

std::string loadError(const std::string &file) {
    try {
        loadOfficialGenerator(test::officialFixture(file), torch::kCPU);
    } catch (const CheckpointError &e) {
        return e.what();
    }
    return "";
}

torch::Tensor flat(ResnetGenerator &g) {
    std::vector<torch::Tensor> all;
    for (const auto &p : g->parameters())
        all.push_back(p.detach().flatten());
    return torch::cat(all);
}

TEST(OfficialWeightVariants, DropoutGeneratorLoadsAndTranslatesAsPython) {
    std::string format;
    ResnetGenerator g =
        loadOfficialGenerator(test::officialFixture("gen9_dropout_zip.pth"), torch::kCPU, &format);
    EXPECT_EQ(g->options().n_blocks(), 9);
    EXPECT_NE(format.find("official-zip; saved with dropout"), std::string::npos) << format;
    torch::NoGradGuard noGrad;
    const auto out = g->forward(readRaw("gen9_input.f32", {1, 3, 36, 52}));
    // Python's forward of the same weights (dropout is the identity in eval mode).
    const auto expected = readRaw("gen9_output.f32", {1, 3, 36, 52});
    EXPECT_LT((out - expected).abs().max().item<float>(), 1e-5f);
}

TEST(OfficialWeightVariants, WrapperPrefixesAreRemoved) {
    ResnetGenerator plain = loadOfficialGenerator(test::officialFixture("tiny_zip.pth"), torch::kCPU);
    for (const std::string file : {"tiny_module_zip.pth", "tiny_orig_mod_module_legacy.pth"}) {
        std::string format;
        ResnetGenerator g = loadOfficialGenerator(test::officialFixture(file), torch::kCPU, &format);
        EXPECT_EQ(g->options().ngf(), 1) << file;
        EXPECT_EQ(g->options().n_blocks(), 2) << file;
        EXPECT_TRUE(torch::equal(flat(g), flat(plain))) << file;
        EXPECT_NE(format.find("prefix '"), std::string::npos) << format;
    }
    std::string format;
    loadOfficialGenerator(test::officialFixture("tiny_orig_mod_module_legacy.pth"), torch::kCPU,
                          &format);
    EXPECT_NE(format.find("'_orig_mod.module.'"), std::string::npos) << format;
}

TEST(OfficialWeightVariants, MismatchesNameWhatIsOff) {
    const std::string unknown = loadError("tiny_netG_prefix_zip.pth");
    EXPECT_NE(unknown.find("prefix 'netG.'"), std::string::npos) << unknown;
    const std::string missing = loadError("tiny_missing_key_zip.pth");
    EXPECT_NE(missing.find("model.4.bias is missing"), std::string::npos) << missing;
}

TEST(OfficialWeightVariants, WholePickledModelSaysWhatToSaveInstead) {
    const std::string message = loadError("whole_model_zip.pth");
    EXPECT_NE(message.find("whole_model_zip.pth"), std::string::npos) << message;
    EXPECT_NE(message.find("whole pickled model (class '__main__.Generator')"), std::string::npos)
        << message;
    EXPECT_NE(message.find("torch.save(model.state_dict()"), std::string::npos) << message;
}

} // namespace
} // namespace cgs
