#include "core/engine/translate/translator.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

Image randomImage(int w, int h, int channels, unsigned seed = 1) {
    Image img(w, h, channels);
    std::mt19937 rng(seed);
    for (auto &b : img.data)
        b = static_cast<std::uint8_t>(rng() & 0xff);
    return img;
}

class TranslatorTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("cgs_translator_" + std::to_string(random()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A one-generator checkpoint folder with a seeded tiny generator.
    std::string checkpoint(const std::string &name, int seed) {
        torch::manual_seed(seed);
        ResnetGenerator net(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(2));
        saveGeneratorCheckpoint((m_dir / name).string(), net);
        return (m_dir / name).string();
    }

    // A run folder: checkpoints/latest (G_A seed 1, G_B seed 2) and checkpoints/epoch_0001.
    std::string runFolder() {
        const fs::path run = m_dir / "run";
        for (auto [tag, seed] : {std::pair{"latest", 1}, std::pair{"epoch_0001", 3}}) {
            torch::manual_seed(seed);
            ResnetGenerator a(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(2));
            torch::manual_seed(seed + 1);
            ResnetGenerator b(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(2));
            saveModelFolder((run / "checkpoints" / tag).string(), a, b);
        }
        return run.string();
    }

    Image translate(const std::string &model, const Image &img, Direction d = Direction::AToB,
                    const std::string &epoch = "latest") {
        TranslatorOptions o;
        o.model = model;
        o.direction = d;
        o.epoch = epoch;
        o.device = "cpu";
        return Translator(o).translate(img);
    }

    template <class F> std::string errorOf(F f) {
        try {
            f();
        } catch (const CheckpointError &e) {
            return e.what();
        }
        return "(no CheckpointError)";
    }

    fs::path m_dir;
};

TEST_F(TranslatorTest, KeepsOddSizes) {
    TranslatorOptions o;
    o.model = checkpoint("ckpt", 1);
    o.device = "cpu";
    const Translator t(o);
    for (auto [w, h] : std::vector<std::pair<int, int>>{
             {301, 207}, {1, 1}, {1, 9}, {9, 1}, {3, 2}, {7, 5}, {8, 8}}) {
        const Image out = t.translate(randomImage(w, h, 3));
        EXPECT_EQ(out.width, w);
        EXPECT_EQ(out.height, h);
        EXPECT_EQ(out.channels, 3);
        EXPECT_EQ(out.data.size(), static_cast<std::size_t>(w) * h * 3);
    }
}

TEST_F(TranslatorTest, TiledTranslationKeepsSize) {
    TranslatorOptions o;
    o.model = checkpoint("ckpt", 1);
    o.device = "cpu";
    o.maxTilePixels = 48 * 48;
    o.tileOverlap = 8;
    const Translator t(o);
    EXPECT_EQ(t.maxTilePixels(), 48 * 48);
    const Image out = t.translate(randomImage(301, 207, 3));
    EXPECT_EQ(out.width, 301);
    EXPECT_EQ(out.height, 207);
}

TEST_F(TranslatorTest, KeepsAlphaUnchanged) {
    const std::string model = checkpoint("ckpt", 1);
    const Image rgba = randomImage(31, 17, 4, 5);
    Image rgb(31, 17, 3);
    for (int i = 0; i < 31 * 17; ++i)
        std::copy_n(&rgba.data[i * 4], 3, &rgb.data[i * 3]);
    const Image out = translate(model, rgba), plain = translate(model, rgb);
    ASSERT_EQ(out.channels, 4);
    for (int i = 0; i < 31 * 17; ++i) {
        ASSERT_EQ(out.data[i * 4 + 3], rgba.data[i * 4 + 3]) << "pixel " << i;
        for (int c = 0; c < 3; ++c)
            ASSERT_EQ(out.data[i * 4 + c], plain.data[i * 3 + c]);
    }
}

TEST_F(TranslatorTest, GreyInGivesRgbUnlessGreyAsked) {
    TranslatorOptions o;
    o.model = checkpoint("ckpt", 1);
    o.device = "cpu";
    const Image grey = randomImage(20, 12, 1);
    Image greyRgb(20, 12, 3);
    for (int i = 0; i < 20 * 12; ++i)
        std::fill_n(&greyRgb.data[i * 3], 3, grey.data[i]);
    const Image rgbOut = Translator(o).translate(grey);
    EXPECT_EQ(rgbOut.channels, 3);
    EXPECT_EQ(rgbOut.data, Translator(o).translate(greyRgb).data);
    o.greyscaleOutput = true;
    EXPECT_EQ(Translator(o).translate(grey).channels, 1);
    EXPECT_EQ(Translator(o).translate(greyRgb).channels, 1); // decoded grey comes as R = G = B
    EXPECT_EQ(Translator(o).translate(randomImage(20, 12, 3)).channels, 3);
}

TEST_F(TranslatorTest, RunFolderUsesLatestOrNamedTag) {
    const std::string run = runFolder();
    const Image img = randomImage(24, 20, 3);
    const Image latest = translate(run, img);
    EXPECT_EQ(latest.data, translate(run + "/checkpoints/latest", img).data);
    EXPECT_NE(latest.data, translate(run, img, Direction::AToB, "epoch_0001").data);
    EXPECT_EQ(translate(run, img, Direction::BToA).data,
              translate(run + "/checkpoints/latest/G_B.pt", img).data);
    EXPECT_NE(latest.data, translate(run, img, Direction::BToA).data);
    const std::string e = errorOf([&] { translate(run, img, Direction::AToB, "epoch_0009"); });
    EXPECT_NE(e.find("epoch_0009"), std::string::npos) << e;
    EXPECT_NE(e.find("epoch_0001, latest"), std::string::npos) << e;
}

TEST_F(TranslatorTest, MissingOrForeignModelNamesPath) {
    const Image img = randomImage(8, 8, 3);
    const std::string missing = (m_dir / "no such model").string();
    EXPECT_NE(errorOf([&] { translate(missing, img); }).find(missing), std::string::npos);
    const std::string empty = (m_dir / "empty").string();
    fs::create_directories(empty);
    EXPECT_NE(errorOf([&] { translate(empty, img); }).find(empty), std::string::npos);
    const std::string text = (m_dir / "notes.pth").string();
    std::ofstream(text) << "not a model";
    EXPECT_NE(errorOf([&] { translate(text, img); }).find(text), std::string::npos);
    const std::string oneGenerator = checkpoint("ckpt", 1);
    const std::string e = errorOf([&] { translate(oneGenerator, img, Direction::BToA); });
    EXPECT_NE(e.find("G_B.pt"), std::string::npos) << e;
    const std::string d = errorOf([&] { translate(test::officialFixture("disc_zip.pth"), img); });
    EXPECT_NE(d.find("disc_zip.pth"), std::string::npos) << d;
}

TEST_F(TranslatorTest, LoadsOfficialWeightFiles) {
    TranslatorOptions o;
    o.model = test::officialFixture("gen9_legacy.pth");
    o.device = "cpu";
    const Translator t(o);
    EXPECT_EQ(t.info().format, "official-legacy");
    EXPECT_EQ(t.info().ngf, 2);
    EXPECT_EQ(t.info().nBlocks, 9);
    o.model = test::officialFixture("gen9_zip.pth");
    const Image img = randomImage(37, 29, 3);
    EXPECT_EQ(Translator(o).translate(img).data, t.translate(img).data);
    // A 1 -> 2 channel generator has no image meaning: refused with its name.
    o.model = test::officialFixture("gen6_zip.pth");
    EXPECT_NE(errorOf([&] { Translator{o}; }).find("gen6_zip.pth"), std::string::npos);
}

// Folders of the official code as they are on disk after its train.py (checkpoints/<name>/
// with <epoch>_net_G_A.pth, <epoch>_net_G_B.pth, ...) or as its pretrained models come
// (checkpoints/<name>_pretrained/latest_net_G.pth).
TEST_F(TranslatorTest, LoadsOfficialRunAndModelFolders) {
    const fs::path run = m_dir / "official_run";
    fs::create_directories(run);
    fs::copy_file(test::officialFixture("gen9_legacy.pth"), run / "latest_net_G_A.pth");
    torch::manual_seed(3);
    ResnetGenerator six(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(6));
    saveOfficialGenerator((run / "latest_net_G_B.pth").string(), six);
    saveOfficialGenerator((run / "5_net_G_A.pth").string(), six);
    std::ofstream(run / "latest_net_D_A.pth") << "discriminators are not read";

    TranslatorOptions o;
    o.model = run.string();
    o.device = "cpu";
    const Translator aToB(o);
    EXPECT_EQ(aToB.info().nBlocks, 9);
    EXPECT_EQ(aToB.info().source, (run / "latest_net_G_A.pth").string());
    EXPECT_EQ(aToB.info().tag, "latest");
    const Image img = randomImage(30, 22, 3);
    const Image out = aToB.translate(img);
    EXPECT_EQ(out.width, 30);
    EXPECT_EQ(out.height, 22);
    o.direction = Direction::BToA;
    EXPECT_EQ(Translator(o).info().nBlocks, 6);
    o.direction = Direction::AToB;
    o.epoch = "epoch_0005"; // our tag for the official "5"
    EXPECT_EQ(Translator(o).info().source, (run / "5_net_G_A.pth").string());
    o.epoch = "5";
    EXPECT_EQ(Translator(o).info().nBlocks, 6);
    o.epoch = "7";
    const std::string e = errorOf([&] { Translator{o}; });
    EXPECT_NE(e.find(run.string()), std::string::npos) << e;
    EXPECT_NE(e.find("epochs: 5, latest"), std::string::npos) << e;

    const fs::path pretrained = m_dir / "style_monet_pretrained";
    fs::create_directories(pretrained);
    fs::copy_file(test::officialFixture("gen9_zip.pth"), pretrained / "latest_net_G.pth");
    TranslatorOptions p;
    p.model = pretrained.string();
    p.device = "cpu";
    p.direction = Direction::BToA; // one generator: the folder is the direction
    const Translator monet(p);
    EXPECT_EQ(monet.info().format, "official-zip");
    EXPECT_EQ(monet.translate(img).data, out.data) << "gen9_zip holds gen9_legacy's weights";
}

TEST_F(TranslatorTest, RejectsEmptyImageAndBadOptions) {
    TranslatorOptions o;
    o.model = checkpoint("ckpt", 1);
    o.device = "cpu";
    EXPECT_THROW(Translator(o).translate(Image{}), DatasetError);
    EXPECT_THROW(Translator(o).translate(randomImage(4, 4, 2)), DatasetError);
    o.tileOverlap = -1;
    EXPECT_THROW(Translator{o}, ConfigError);
}

} // namespace
} // namespace cgs
