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
    saveGeneratorCheckpoint(path("ckpt"), a);
    saveGeneratorCheckpoint(path("tmp"), b);
    fs::copy_file(path("tmp/G_A.pt"), path("ckpt/G_B.pt"));
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

} // namespace
} // namespace cgs
