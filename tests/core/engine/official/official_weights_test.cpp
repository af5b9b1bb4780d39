#include "core/engine/official/official_weights.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/error.h"

#include <caffe2/serialize/inline_container.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace cgs {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder per test, removed afterwards.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = fs::temp_directory_path() / ("cgs_official_" + std::to_string(random()));
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string &name) const { return (m_path / name).string(); }
    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

void writeBytes(const std::string &path, const std::string &bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readBytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string errorOf(const std::string &path) {
    try {
        readStateDictFile(path);
    } catch (const CheckpointError &e) {
        return e.what();
    }
    return "no error";
}

void expectSameStateDict(const StateDict &a, const StateDict &b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].first, b[i].first);
        EXPECT_EQ(a[i].second.dtype(), b[i].second.dtype()) << a[i].first;
        EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
    }
}

// The legacy header pickles (magic number, protocol 1001, sys_info) followed by `pickle`.
std::string legacyFileWith(const std::string &pickle) {
    const std::string header("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19."
                             "\x80\x02M\xe9\x03.\x80\x02}.",
                             25);
    return header + pickle;
}

TEST(OfficialWeights, ReadsZipFormat) {
    std::string format;
    const StateDict sd = readStateDictFile(test::officialFixture("gen9_zip.pth"), &format);
    EXPECT_EQ(format, "official-zip");
    const auto manifest = nlohmann::json::parse(readBytes(test::officialFixture("manifest.json")));
    const auto keys = manifest["gen9"]["keys"].get<std::vector<std::string>>();
    ASSERT_EQ(sd.size(), keys.size());
    for (size_t i = 0; i < sd.size(); ++i)
        EXPECT_EQ(sd[i].first, keys[i]);
    EXPECT_EQ(sd.front().first, "model.1.weight");
    EXPECT_EQ(sd.front().second.sizes(), (std::vector<int64_t>{2, 3, 7, 7}));
    EXPECT_EQ(sd.back().first, "model.26.bias");
    EXPECT_EQ(sd.front().second.dtype(), torch::kFloat32);
}

TEST(OfficialWeights, ReadsLegacyFormat) {
    std::string format;
    const StateDict legacy = readStateDictFile(test::officialFixture("gen9_legacy.pth"), &format);
    EXPECT_EQ(format, "official-legacy");
    expectSameStateDict(legacy, readStateDictFile(test::officialFixture("gen9_zip.pth")));
    expectSameStateDict(readStateDictFile(test::officialFixture("gen6_legacy.pth")),
                        readStateDictFile(test::officialFixture("gen6_zip.pth")));
}

TEST(OfficialWeights, IgnoresInstanceNormRunningStats) {
    const StateDict sd = readStateDictFile(test::officialFixture("gen9_legacy_running_stats.pth"));
    expectSameStateDict(sd, readStateDictFile(test::officialFixture("gen9_legacy.pth")));
}

TEST(OfficialWeights, ReadsTensorsSharingAStorage) {
    const torch::Tensor base = torch::arange(12, torch::kFloat32);
    for (const char *name : {"shared_zip.pth", "shared_legacy.pth"}) {
        const StateDict sd = readStateDictFile(test::officialFixture(name));
        ASSERT_EQ(sd.size(), 4u) << name;
        EXPECT_TRUE(torch::equal(sd[0].second, base)) << name;
        EXPECT_TRUE(torch::equal(sd[1].second, base.slice(0, 2, 5))) << name;
        EXPECT_TRUE(torch::equal(sd[2].second, base.view({3, 4}).t())) << name;
        EXPECT_EQ(sd[3].second.dtype(), torch::kFloat16) << name;
        EXPECT_TRUE(torch::equal(sd[3].second, base.to(torch::kFloat16))) << name;
    }
}

TEST(OfficialWeights, KeepsRunningStatsOfAffineNorms) {
    TempDir dir;
    const StateDict written = {{"bn.weight", torch::ones({2})},
                               {"bn.running_mean", torch::zeros({2})},
                               {"in.running_mean", torch::zeros({2})},
                               {"in.num_batches_tracked", torch::tensor(int64_t(3))}};
    writeOfficialStateDict(dir.file("norms.pth"), written);
    const StateDict read = readStateDictFile(dir.file("norms.pth"));
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].first, "bn.weight");
    EXPECT_EQ(read[1].first, "bn.running_mean");
}

TEST(OfficialWeights, RoundTripsThroughOfficialFormat) {
    TempDir dir;
    const StateDict original = readStateDictFile(test::officialFixture("gen6_zip.pth"));
    writeOfficialStateDict(dir.file("copy.pth"), original);
    std::string format;
    expectSameStateDict(readStateDictFile(dir.file("copy.pth"), &format), original);
    EXPECT_EQ(format, "official-zip");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
        << "no temporary file is left behind";
}

TEST(OfficialWeights, RoundTripsOtherDtypesAndViews) {
    TempDir dir;
    const torch::Tensor base = torch::arange(24, torch::kFloat64).reshape({4, 6});
    const StateDict original = {{"a", base.t()}, // not contiguous
                                {"b", torch::tensor({true, false})},
                                {"c", torch::tensor(int64_t(1) << 40)}, // 0-dim
                                {"d", torch::randn({3}).to(torch::kFloat16)},
                                {"e", torch::empty({0, 5})}};
    writeOfficialStateDict(dir.file("mixed.pth"), original);
    expectSameStateDict(readStateDictFile(dir.file("mixed.pth")), original);
}

TEST(OfficialWeights, InfersGeneratorArch) {
    const GeneratorArch arch9 = inferGeneratorArch(readStateDictFile(test::officialFixture("gen9_zip.pth")), "g");
    EXPECT_EQ(arch9.ngf, 2);
    EXPECT_EQ(arch9.nBlocks, 9);
    EXPECT_EQ(arch9.inputNc, 3);
    EXPECT_EQ(arch9.outputNc, 3);
    const GeneratorArch arch6 =
        inferGeneratorArch(readStateDictFile(test::officialFixture("gen6_legacy.pth")), "g");
    EXPECT_EQ(arch6.ngf, 3);
    EXPECT_EQ(arch6.nBlocks, 6);
    EXPECT_EQ(arch6.inputNc, 1);
    EXPECT_EQ(arch6.outputNc, 2);
}

TEST(OfficialWeights, RejectsDiscriminatorAsGenerator) {
    const std::string path = test::officialFixture("disc_zip.pth");
    const StateDict sd = readStateDictFile(path);
    EXPECT_EQ(sd.front().first, "model.0.weight");
    try {
        inferGeneratorArch(sd, path);
        FAIL() << "no error";
    } catch (const CheckpointError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("'" + path +
                            "' holds 10 tensors with keys model.0.weight, "
                            "model.0.bias, model.2.weight ..."),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("looks like a PatchGAN discriminator, not a ResNet generator"),
                  std::string::npos)
            << what;
    }
}

TEST(OfficialWeights, RejectsForeignLayouts) {
    StateDict sd = readStateDictFile(test::officialFixture("gen9_zip.pth"));
    const auto errorFor = [](const StateDict &dict) -> std::string {
        try {
            inferGeneratorArch(dict, "x.pth");
        } catch (const CheckpointError &e) {
            return e.what();
        }
        return "no error";
    };
    StateDict unet = {{"model.model.0.weight", torch::zeros({2, 3, 4, 4})}};
    EXPECT_NE(errorFor(unet).find("U-Net"), std::string::npos) << errorFor(unet);
    EXPECT_NE(errorFor({}).find("'x.pth' holds no tensors"), std::string::npos);
    StateDict wrongShape = sd;
    wrongShape[2].second = torch::zeros({4, 2, 5, 5});
    EXPECT_NE(errorFor(wrongShape)
                  .find("model.4.weight has shape [4, 2, 5, 5], expected "
                        "[4, 2, 3, 3]"),
              std::string::npos)
        << errorFor(wrongShape);
    StateDict extra = sd;
    extra.emplace_back("model.27.weight", torch::zeros({1}));
    EXPECT_NE(errorFor(extra).find("unexpected key model.27.weight"), std::string::npos);
    StateDict empty = sd;
    for (auto &entry : empty)
        entry.second = torch::zeros({0, 0, 7, 7});
    EXPECT_NE(errorFor(empty).find("empty convolutions"), std::string::npos) << errorFor(empty);
    StateDict missing(sd.begin(), sd.end() - 3);
    EXPECT_NE(errorFor(missing).find("not a ResNet generator"), std::string::npos);
}

TEST(OfficialWeights, RejectsTextFile) {
    const std::string path = test::officialFixture("text.pth");
    EXPECT_EQ(errorOf(path), "Cannot read weight file '" + path + "': not a PyTorch file");
}

TEST(OfficialWeights, RejectsTruncatedFiles) {
    const std::string zip = test::officialFixture("truncated_zip.pth");
    EXPECT_NE(errorOf(zip).find("'" + zip + "': truncated"), std::string::npos) << errorOf(zip);
    TempDir dir;
    const std::string legacy = readBytes(test::officialFixture("gen9_legacy.pth"));
    for (const size_t size : {size_t(20), legacy.size() / 2, legacy.size() - 1}) {
        const std::string path = dir.file("cut.pth");
        writeBytes(path, legacy.substr(0, size));
        EXPECT_EQ(errorOf(path), "Cannot read weight file '" + path + "': truncated") << size;
    }
}

TEST(OfficialWeights, RejectsMissingAndEmptyFiles) {
    TempDir dir;
    EXPECT_NE(errorOf(dir.file("none.pth")).find("cannot open"), std::string::npos);
    writeBytes(dir.file("empty.pth"), "");
    EXPECT_NE(errorOf(dir.file("empty.pth")).find("empty file"), std::string::npos);
    EXPECT_NE(errorOf(dir.path().string()).find("is a folder"), std::string::npos);
}

TEST(OfficialWeights, RejectsForeignGlobalsInLegacyFiles) {
    TempDir dir;
    const std::string path = dir.file("evil.pth");
    writeBytes(path, legacyFileWith(std::string("\x80\x02\x63os\nsystem\nX\x04\x00\x00\x00"
                                                "true\x85R.",
                                                25)));
    EXPECT_EQ(errorOf(path),
              "Cannot read weight file '" + path + "': unsupported global 'os.system'");
    writeBytes(path, legacyFileWith(std::string("\x80\x02(i", 4)));
    EXPECT_NE(errorOf(path).find("unsupported pickle opcode 0x69"), std::string::npos);
}

TEST(OfficialWeights, RejectsForeignGlobalsInZipFiles) {
    TempDir dir;
    const std::string path = dir.file("evil.pth");
    {
        caffe2::serialize::PyTorchStreamWriter writer(path);
        const std::string pickle("\x80\x02\x63posix\nsystem\nX\x04\x00\x00\x00true\x85R.", 28);
        writer.writeRecord("data.pkl", pickle.data(), pickle.size());
        writer.writeEndOfFile();
    }
    EXPECT_EQ(errorOf(path),
              "Cannot read weight file '" + path + "': unsupported global 'posix.system'");
}

TEST(OfficialWeights, RejectsNonStateDictPickles) {
    TempDir dir;
    const std::string path = dir.file("list.pth");
    writeBytes(path, legacyFileWith(std::string("\x80\x02]K\x01\x61.\x80\x02].", 11)));
    EXPECT_NE(errorOf(path).find("holds a list, not a state dict"), std::string::npos)
        << errorOf(path);
}

} // namespace
} // namespace cgs
