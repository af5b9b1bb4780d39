#include "core/engine/translate/model_converter.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

void expectSameStateDict(const StateDict &a, const StateDict &b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].first, b[i].first);
        EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
    }
}

class ModelConverterTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("cgs_convert_" + std::to_string(random()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string &name) const { return (m_dir / name).string(); }

    static ConvertResult convert(const std::string &in, const std::string &out,
                                 Direction d = Direction::AToB) {
        ConvertRequest r;
        r.input = in;
        r.output = out;
        r.direction = d;
        return convertModel(r);
    }

    fs::path m_dir;
};

TEST_F(ModelConverterTest, OursToOfficialToOursIsExact) {
    torch::manual_seed(3);
    ResnetGenerator net(ResnetGeneratorOptions(3, 3).ngf(5).n_blocks(6));
    saveGeneratorCheckpoint(path("ours"), net);
    EXPECT_EQ(convert(path("ours"), path("g.pth")).outputFormat, "official-zip");
    const ConvertResult back = convert(path("g.pth"), path("ours2"));
    EXPECT_EQ(back.outputFormat, "checkpoint");
    EXPECT_EQ(back.model.format, "official-zip");
    EXPECT_EQ(back.model.ngf, 5);
    EXPECT_EQ(back.model.nBlocks, 6);
    ResnetGenerator again = loadCheckpointGenerator(path("ours2"), Direction::AToB, torch::kCPU);
    const auto p = net->named_parameters(), q = again->named_parameters();
    ASSERT_EQ(p.size(), q.size());
    for (const auto &item : p)
        EXPECT_TRUE(torch::equal(item.value(), q[item.key()])) << item.key();
}

TEST_F(ModelConverterTest, OfficialToOursToOfficialIsExact) {
    for (const std::string name : {"gen9_legacy.pth", "gen6_zip.pth"}) {
        const std::string ours = path(name + ".ours"), pth = path(name + ".back.pth");
        convert(test::officialFixture(name), ours);
        convert(ours, pth);
        expectSameStateDict(readStateDictFile(test::officialFixture(name)), readStateDictFile(pth));
    }
}

TEST_F(ModelConverterTest, PicksGeneratorOfDirection) {
    torch::manual_seed(1);
    ResnetGenerator a(ResnetGeneratorOptions().ngf(2).n_blocks(1)), b(a->options());
    saveModelFolder(path("ckpt"), a, b);
    convert(path("ckpt"), path("b.pth"), Direction::BToA);
    const StateDict sd = readStateDictFile(path("b.pth"));
    EXPECT_TRUE(torch::equal(sd[0].second, b->named_parameters()["model.1.weight"]));
    EXPECT_FALSE(torch::equal(sd[0].second, a->named_parameters()["model.1.weight"]));
}

TEST_F(ModelConverterTest, RefusesExistingOutputAndNamesBadInput) {
    fs::create_directories(path("exists"));
    EXPECT_THROW(convert(test::officialFixture("gen9_zip.pth"), path("exists")), ConfigError);
    try {
        convert(path("missing.pth"), path("out"));
        FAIL() << "no error";
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find(path("missing.pth")), std::string::npos);
    }
    try {
        convert(test::officialFixture("disc_zip.pth"), path("out"));
        FAIL() << "no error";
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("disc_zip.pth"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(path("out")));
}

TEST_F(ModelConverterTest, BothGeneratorsExportAsHalfSizeModelFolderThatTranslatesBothWays) {
    torch::manual_seed(4);
    ResnetGenerator gA(ResnetGeneratorOptions(3, 3).ngf(8).n_blocks(2));
    ResnetGenerator gB(ResnetGeneratorOptions(3, 3).ngf(8).n_blocks(2));
    saveModelFolder(path("fp32"), gA, gB);
    ExportModelRequest r;
    r.input = path("fp32");
    r.output = path("fp16");
    r.storage = WeightStorage::Float16;
    const ConvertResult result = exportModel(r);
    EXPECT_EQ(result.outputFormat, "model folder (fp16)");
    const auto size = [&](const std::string &dir, const char *file) {
        return static_cast<double>(fs::file_size(fs::path(path(dir)) / file));
    };
    // Half the bytes of tensor data, plus the archive's fixed overhead.
    EXPECT_LT(size("fp16", "G_A.pt"), 0.6 * size("fp32", "G_A.pt"));
    EXPECT_LT(size("fp16", "G_B.pt"), 0.6 * size("fp32", "G_B.pt"));
    const torch::Tensor x = torch::rand({1, 3, 20, 28}) * 2 - 1;
    for (auto [direction, reference] : {std::pair{Direction::AToB, gA}, {Direction::BToA, gB}}) {
        ResnetGenerator loaded = loadCheckpointGenerator(path("fp16"), direction, torch::kCPU);
        EXPECT_EQ(loaded->parameters().front().scalar_type(), torch::kFloat);
        torch::NoGradGuard noGrad;
        reference->eval();
        const torch::Tensor expected = reference->forward(x), got = loaded->forward(x);
        ASSERT_EQ(got.sizes(), expected.sizes());
        ASSERT_FALSE(torch::isnan(expected).any().item<bool>());
        ASSERT_FALSE(torch::isnan(got).any().item<bool>());
        // fp16 rounding of the weights only: far below one grey level (2/255 in [-1, 1]).
        EXPECT_LT((got - expected).abs().max().item<double>(), 2.0 / 255);
        EXPECT_GT((got - expected).abs().max().item<double>(), 0.0); // really stored in fp16
    }
}

TEST_F(ModelConverterTest, BothNeedsOneOfOurCheckpoints) {
    torch::manual_seed(5);
    ResnetGenerator net(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(1));
    saveOfficialGenerator(path("g.pth"), net);
    ExportModelRequest r;
    r.input = path("g.pth");
    r.output = path("out");
    EXPECT_THROW(exportModel(r), CheckpointError);
    EXPECT_FALSE(fs::exists(path("out")));
}

} // namespace
} // namespace cgs
