// End-to-end tests of `cyclegan eval` on a tiny run trained on the bundled demo dataset, with
// Inception weights from the formula of tests/fixtures/metrics (written here by our writer).
#include "core/engine/official/official_weights.h"
#include "tests/core/engine/metrics/metrics_fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
namespace fs = std::filesystem;

struct Result {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

std::string readAll(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int countLines(const std::string &text, const std::string &prefix) {
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line))
        n += line.rfind(prefix, 0) == 0 ? 1 : 0;
    return n;
}

// The formula Inception weights (as fid_inception_v3_test), keys from inception_keys.txt.
void writeFormulaInception(const fs::path &path) {
    std::ifstream in(cgs::test::metricsFixtureDir() + "/inception_keys.txt");
    cgs::StateDict dict;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string key, dtype;
        fields >> key >> dtype;
        std::vector<int64_t> shape;
        for (int64_t s; fields >> s;)
            shape.push_back(s);
        if (dtype == "int64")
            dict.emplace_back(key, torch::zeros(shape, torch::kLong));
        else
            dict.emplace_back(key, torch::tensor(cgs::test::formulaWeight(key, shape)).reshape(shape));
    }
    cgs::writeOfficialStateDict(path.string(), dict);
}

class EvalCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("cgs_eval_cli_" + std::to_string(::getpid()));
        fs::remove_all(s_dir);
        fs::create_directories(s_dir);
        const char *src = std::getenv("CGS_SOURCE_DIR");
        const fs::path demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
        // Two epochs of a tiny model: checkpoints epoch_0001, epoch_0002 (latest is epoch 2).
        const Result r = run("train --dataroot '" + demo.string() + "' --name demo --checkpoints_dir '" +
                             (s_dir / "runs").string() +
                             "' --netG resnet_6blocks --ngf 4 --ndf 4 --load_size 36 --crop_size 32 "
                             "--max_dataset_size 2 --n_epochs 2 --n_epochs_decay 0 --save_epoch_freq 1 "
                             "--display_freq 100 --seed 7 --cpu_threads 1 --num_threads 1");
        ASSERT_EQ(r.exitCode, 0) << r.output;
        // Three test images per domain, and one file in testA that is not an image.
        for (const char *domain : {"testA", "testB"}) {
            fs::create_directories(s_dir / domain);
            int copied = 0;
            for (const auto &e : fs::directory_iterator(demo / domain))
                if (copied++ < 3)
                    fs::copy_file(e.path(), s_dir / domain / e.path().filename());
        }
        std::ofstream(s_dir / "testA" / "broken.jpg") << "not a jpeg";
        writeFormulaInception(s_dir / "inception.pth");
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }

    static Result run(const std::string &args, const std::string &env = "") {
        const fs::path out = s_dir / "output.txt";
        const std::string cmd = env + " '" + std::string(CGS_CLI_PATH) + "' " + args + " > '" +
                                out.string() + "' 2>&1";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readAll(out)};
    }
    static std::string evalArgs() {
        return "eval --model '" + (s_dir / "runs/demo").string() + "' --testA '" +
               (s_dir / "testA").string() + "' --testB '" + (s_dir / "testB").string() +
               "' --cache_dir '" + (s_dir / "cache").string() + "' --cpu_threads 1 --device cpu";
    }
    static fs::path s_dir;
};
fs::path EvalCli::s_dir;

TEST_F(EvalCli, WritesOneRowPerCheckpointAndDirectionAndCountsBrokenImages) {
    const Result r = run(evalArgs() + " --inception_weights '" + (s_dir / "inception.pth").string() + "'");
    EXPECT_EQ(r.exitCode, 2) << r.output; // one unreadable test image: partial
    EXPECT_EQ(countLines(r.output, "epoch_0001   "), 2) << r.output;
    EXPECT_EQ(countLines(r.output, "epoch_0002   "), 2) << r.output;
    EXPECT_EQ(countLines(r.output, "latest   "), 0) << "latest is epoch 2 again\n" << r.output;
    EXPECT_NE(r.output.find("1 unreadable test image(s) skipped"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("broken.jpg"), std::string::npos) << r.output;
    const std::string csv = readAll(s_dir / "runs/demo/metrics.csv");
    EXPECT_EQ(countLines(csv, "epoch_000"), 4) << csv;
    EXPECT_EQ(countLines(csv, "epoch_0002,2,"), 2) << csv;
    // Every metric has a value, and the FIDs of the two checkpoints differ.
    std::istringstream rows(csv);
    std::string line;
    std::getline(rows, line);
    std::vector<double> fids;
    while (std::getline(rows, line)) {
        std::vector<std::string> cells;
        std::istringstream c(line);
        for (std::string cell; std::getline(c, cell, ',');)
            cells.push_back(cell);
        ASSERT_GE(cells.size(), 11u) << line;
        EXPECT_EQ(cells[4], "3") << line; // images
        EXPECT_EQ(cells[6], "1") << line; // skipped
        for (int i = 7; i <= 10; ++i)
            EXPECT_FALSE(cells[i].empty()) << line;
        fids.push_back(std::stod(cells[7]));
    }
    ASSERT_EQ(fids.size(), 4u);
    EXPECT_NE(fids[0], fids[2]);
    EXPECT_EQ(std::distance(fs::directory_iterator(s_dir / "cache"), fs::directory_iterator()), 2)
        << "one cached reference per test folder";
}

TEST_F(EvalCli, JsonAndOneEpochWithoutWeightsForSwd) {
    const Result r = run(evalArgs() + " --epoch 1 --metrics swd --json --no_log", "HOME=/nonexistent");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("\"checkpoint\": \"epoch_0001\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"fid\": null"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("epoch_0002"), std::string::npos) << r.output;
}

// --untranslated: the test images scored as they are. With testB = testA the untranslated rows
// compare a set with itself, which SWD scores exactly 0; the model's rows do not; nothing is
// logged for them.
TEST_F(EvalCli, UntranslatedBaselineScoresTheTestImagesAsTheyAre) {
    const fs::path run = s_dir / "runs/demo_baseline"; // its own metrics.csv
    fs::remove_all(run);
    fs::copy(s_dir / "runs/demo", run, fs::copy_options::recursive);
    const std::string sameFolders =
        "eval --model '" + run.string() + "' --testA '" + (s_dir / "testB").string() +
        "' --testB '" + (s_dir / "testB").string() + "' --cpu_threads 1 --device cpu --epoch 2 " +
        "--metrics swd --json --untranslated";
    const std::string before = readAll(run / "metrics.csv");
    const Result r = EvalCli::run(sameFolders, "HOME=/nonexistent");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto begin = r.output.find("{\n"), end = r.output.rfind("\n}");
    ASSERT_NE(begin, std::string::npos) << r.output;
    const auto json = nlohmann::json::parse(r.output.substr(begin, end + 2 - begin));
    const auto &rows = json["rows"];
    ASSERT_EQ(rows.size(), 4u) << r.output;
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(rows[i]["checkpoint"], "untranslated");
        EXPECT_EQ(rows[i]["epoch"], -1);
        EXPECT_EQ(rows[i]["swd"].get<double>(), 0.0) << rows[i].dump();
        EXPECT_EQ(rows[2 + i]["checkpoint"], "epoch_0002");
        EXPECT_GT(rows[2 + i]["swd"].get<double>(), 0.0) << rows[2 + i].dump();
    }
    const std::string after = readAll(run / "metrics.csv");
    EXPECT_EQ(after.find("untranslated"), std::string::npos);
    EXPECT_EQ(countLines(after, "epoch_0002,2,"), countLines(before, "epoch_0002,2,") + 2);
}

TEST_F(EvalCli, MissingWeightsAreRefusedWithWhereToGetThem) {
    const Result r = run(evalArgs() + " --metrics fid",
                         "HOME=/nonexistent XDG_CACHE_HOME=/nonexistent TORCH_HOME=/nonexistent "
                         "CGS_INCEPTION_WEIGHTS=");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/"
                            "pt_inception-2015-12-05-6726825d.pth"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("--inception_weights"), std::string::npos) << r.output;
}

TEST_F(EvalCli, UnknownEpochAndMetricAreUsageErrors) {
    EXPECT_EQ(run(evalArgs() + " --epoch 9 --metrics swd").exitCode, 4);
    EXPECT_EQ(run(evalArgs() + " --metrics fid,lpips").exitCode, 1);
}

TEST_F(EvalCli, TrainingWithEvalFreqAppendsMetricsAndResumeKeepsThem) {
    const char *src = std::getenv("CGS_SOURCE_DIR");
    const fs::path demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
    auto train = [&](int epochs, const std::string &extra) {
        return run("train --dataroot '" + demo.string() + "' --name evalfreq --checkpoints_dir '" +
                   (s_dir / "runs").string() +
                   "' --netG resnet_6blocks --ngf 4 --ndf 4 --load_size 36 --crop_size 32 "
                   "--max_dataset_size 2 --n_epochs " + std::to_string(epochs) +
                   " --n_epochs_decay 0 --save_epoch_freq 1 --display_freq 100 --seed 7 "
                   "--cpu_threads 1 --num_threads 1 --eval_freq 2 --eval_metrics swd" + extra);
    };
    const Result first = train(2, "");
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_NE(first.output.find("eval epoch_0002 AtoB: SWD"), std::string::npos) << first.output;
    const fs::path csv = s_dir / "runs/evalfreq/metrics.csv";
    EXPECT_EQ(countLines(readAll(csv), "epoch_0001,"), 0) << "epoch 1 is not a multiple of 2";
    EXPECT_EQ(countLines(readAll(csv), "epoch_0002,2,"), 2) << readAll(csv);
    const Result resumed = train(4, " --continue_train");
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    const std::string after = readAll(csv);
    EXPECT_EQ(countLines(after, "epoch_0002,2,"), 2) << after;
    EXPECT_EQ(countLines(after, "epoch_0004,4,"), 2) << after;
    EXPECT_EQ(countLines(after, "checkpoint,"), 1) << "one header\n" << after;
}

TEST_F(EvalCli, EvalFreqWithoutWeightsIsRefusedBeforeTraining) {
    const char *src = std::getenv("CGS_SOURCE_DIR");
    const fs::path demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
    const Result r = run("train --dataroot '" + demo.string() + "' --name noweights --checkpoints_dir '" +
                             (s_dir / "runs").string() + "' --eval_freq 1",
                         "HOME=/nonexistent XDG_CACHE_HOME=/nonexistent TORCH_HOME=/nonexistent "
                         "CGS_INCEPTION_WEIGHTS=");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("pt_inception-2015-12-05-6726825d.pth"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(s_dir / "runs/noweights"));
}

} // namespace
