#include "core/engine/metrics/fid_inception_v3.h"

#include "core/engine/error.h"
#include "core/engine/metrics/inception_feature_extractor.h"
#include "core/engine/metrics/inception_weights.h"
#include "core/engine/official/official_weights.h"
#include "tests/core/engine/metrics/metrics_fixture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace cgs {
namespace {

struct KeyShape {
    std::string key;
    std::string dtype;
    std::vector<int64_t> shape;
};

// inception_keys.txt: what pytorch-fid's FID Inception state dict holds, key by key.
std::vector<KeyShape> referenceKeys() {
    std::ifstream in(test::metricsFixtureDir() + "/inception_keys.txt");
    std::vector<KeyShape> keys;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        KeyShape k;
        fields >> k.key >> k.dtype;
        int64_t s;
        while (fields >> s)
            k.shape.push_back(s);
        keys.push_back(k);
    }
    return keys;
}

// The fixture script's formula weights as a state dict, in pytorch-fid's key order.
StateDict formulaStateDict() {
    StateDict dict;
    for (const KeyShape &k : referenceKeys()) {
        if (k.dtype == "int64") {
            dict.emplace_back(k.key, torch::zeros(k.shape, torch::kLong));
            continue;
        }
        std::vector<float> values = test::formulaWeight(k.key, k.shape);
        dict.emplace_back(k.key, torch::tensor(values).reshape(k.shape));
    }
    return dict;
}

class FidInceptionFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::filesystem::temp_directory_path() /
                ("cgs_fid_inception_" + std::to_string(::getpid()));
        std::filesystem::create_directories(s_dir);
        // Written by our writer at test time: a 95 MB random-looking file stays out of git.
        writeOfficialStateDict(weightsPath(), formulaStateDict());
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(s_dir); }
    static std::string weightsPath() { return (s_dir / "pt_inception_formula.pth").string(); }
    static std::filesystem::path s_dir;
};
std::filesystem::path FidInceptionFixture::s_dir;

TEST(FidInceptionV3, NamesAndShapesAreThoseOfPytorchFid) {
    FidInceptionV3 net;
    std::map<std::string, std::vector<int64_t>> ours;
    for (const auto &p : net->named_parameters())
        ours[p.key()] = p.value().sizes().vec();
    for (const auto &b : net->named_buffers())
        ours[b.key()] = b.value().sizes().vec();
    const std::vector<KeyShape> keys = referenceKeys();
    ASSERT_EQ(keys.size(), 566u);
    size_t compared = 0;
    for (const KeyShape &k : keys) {
        if (k.key.rfind("fc.", 0) == 0)
            continue; // the classifier, unused by FID
        ASSERT_TRUE(ours.count(k.key)) << k.key;
        if (k.dtype != "int64")
            EXPECT_EQ(ours[k.key], k.shape) << k.key;
        ++compared;
    }
    EXPECT_EQ(compared, ours.size());
}

TEST_F(FidInceptionFixture, FeaturesMatchPytorchFid) {
    std::ifstream in(test::metricsFixtureDir() + "/inception_features.txt");
    std::vector<std::vector<double>> expected;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        expected.emplace_back(std::istream_iterator<double>(fields), std::istream_iterator<double>());
    }
    ASSERT_EQ(expected.size(), 3u);
    InceptionFeatureExtractor extractor({weightsPath(), "cpu", 2});
    const FeatureMatrix features =
        extractor.extract({test::formulaImage(0), test::formulaImage(1), test::formulaImage(2)});
    ASSERT_EQ(features.rows, 3);
    ASSERT_EQ(features.cols, 2048);
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(expected[i].size(), 2048u);
        double diff = 0, norm = 0, largest = 0, sum = 0, squares = 0;
        for (int j = 0; j < 2048; ++j) {
            const double ours = features.row(i)[j], ref = expected[i][j];
            diff += (ours - ref) * (ours - ref);
            norm += ref * ref;
            largest = std::max(largest, std::abs(ours - ref));
            sum += ours;
            squares += ours * ours;
        }
        EXPECT_LT(std::sqrt(diff / norm), 1e-4) << "image " << i;
        std::printf("image %d: relative L2 difference to pytorch-fid %.3g\n", i, std::sqrt(diff / norm));
        EXPECT_LT(largest, 1e-4 * std::sqrt(norm / 2048) * 10) << "image " << i;
        // The formula weights keep activations alive: features neither vanish nor explode.
        const double stddev = std::sqrt(squares / 2048 - (sum / 2048) * (sum / 2048));
        EXPECT_GT(stddev, 0.01);
        EXPECT_LT(stddev, 10.0);
    }
}

TEST_F(FidInceptionFixture, BatchingDoesNotChangeFeatures) {
    InceptionFeatureExtractor one({weightsPath(), "cpu", 1});
    InceptionFeatureExtractor two({weightsPath(), "cpu", 2});
    Image grey(40, 30, 1);
    for (size_t i = 0; i < grey.data.size(); ++i)
        grey.data[i] = static_cast<uint8_t>(i * 7);
    const FeatureMatrix a = one.extract({grey, test::formulaImage(0)});
    const FeatureMatrix b = two.extract({grey, test::formulaImage(0)});
    ASSERT_EQ(a.values.size(), b.values.size());
    for (size_t i = 0; i < a.values.size(); ++i)
        ASSERT_NEAR(a.values[i], b.values[i], 1e-5);
}

TEST(FidInceptionV3, ForeignFileIsRefusedNamingTheMissingKey) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("cgs_not_inception_" + std::to_string(::getpid()) + ".pth");
    writeOfficialStateDict(path.string(), {{"model.1.weight", torch::zeros({64, 3, 7, 7})}});
    FidInceptionV3 net;
    try {
        loadFidInceptionWeights(net, path.string());
        FAIL() << "a generator file was accepted as Inception weights";
    } catch (const CheckpointError &e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("Conv2d_1a_3x3.conv.weight"), std::string::npos) << message;
    }
    std::filesystem::remove(path);
}

TEST(InceptionWeights, MissingFileSaysWhatToGetAndWhere) {
    ::setenv("HOME", "/nonexistent-home", 1);
    ::setenv("XDG_CACHE_HOME", "/nonexistent-cache", 1);
    ::unsetenv("TORCH_HOME");
    ::unsetenv(kInceptionWeightsEnv);
    try {
        resolveInceptionWeights("");
        FAIL() << "resolved weights that do not exist";
    } catch (const ConfigError &e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(kInceptionWeightsUrl), std::string::npos) << message;
        EXPECT_NE(message.find("/nonexistent-cache/cyclegan-studio/"
                               "pt_inception-2015-12-05-6726825d.pth"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("CGS_INCEPTION_WEIGHTS"), std::string::npos) << message;
    }
    EXPECT_THROW(resolveInceptionWeights("/nonexistent/pt.pth"), ConfigError);
    ::setenv(kInceptionWeightsEnv, "/nonexistent/env.pth", 1);
    try {
        resolveInceptionWeights("");
        FAIL();
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/env.pth"), std::string::npos);
    }
    ::unsetenv(kInceptionWeightsEnv);
}

} // namespace
} // namespace cgs
