// The second round of field reports (issue 30), one case of each kind, through the real
// `cyclegan` executable: damaged checkpoints, a file-size limit, rescued files, eval's table,
// one-generator files, empty input folders, official command lines, and the smaller findings.
#include "core/imageio/image_codec.h"
#include "tests/e2e/cli_process.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cgs {
namespace {
namespace fs = std::filesystem;
using e2e::readAll;

class FieldReports2 : public e2e::CliRun {
protected:
    std::unique_ptr<e2e::CliProcess> cli(const std::vector<std::string> &args,
                                         const std::string &log, e2e::SpawnLimits limits = {}) {
        return runToEnd(args, log, 300, limits);
    }
    // One epoch of the tiny model (8 steps): checkpoints latest and epoch_0001, iteration 8.
    void trainOneEpoch(const std::string &name) {
        auto p = cli(tinyTrain(name, 1, 100000), "train-" + name);
        ASSERT_EQ(p->exitCode(), 0) << p->output();
    }
    fs::path testImage() const { return m_demo / "testA/052a77c020.jpg"; }
    static void xorMiddle(const fs::path &file, std::size_t bytes) {
        std::string data = readAll(file);
        ASSERT_GT(data.size(), bytes * 2);
        for (std::size_t i = data.size() / 2 - bytes / 2, n = 0; n < bytes; ++i, ++n)
            data[i] = static_cast<char>(data[i] ^ 0x5A);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
    }
    static std::size_t count(const std::string &text, const std::string &what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
            ++n;
        return n;
    }
};

// Kind: every reader of our checkpoints verifies what it reads against manifest.json.
TEST_F(FieldReports2, DamagedCheckpointIsNeverUsedSilently) {
    trainOneEpoch("r");
    const fs::path run = runDir("r");
    const fs::path damaged = run / "checkpoints/latest/G_A.pt";
    xorMiddle(damaged, 4000);
    // A run: the newest intact checkpoint instead, saying so and naming the damaged file.
    auto t = cli({"translate", "--model", run.string(), testImage().string(), "-o",
                  (m_dir / "fallback").string()},
                 "translate-run");
    EXPECT_EQ(t->exitCode(), 0) << t->output();
    EXPECT_NE(t->output().find("warning: Checkpoint file '" + damaged.string() + "' is damaged"),
              std::string::npos)
        << t->output();
    EXPECT_NE(t->output().find("using the intact checkpoint '" +
                               (run / "checkpoints/epoch_0001").string()),
              std::string::npos)
        << t->output();
    auto e = cli({"translate", "--model", (run / "checkpoints/epoch_0001").string(),
                  testImage().string(), "-o", (m_dir / "epoch1").string()},
                 "translate-epoch1");
    ASSERT_EQ(e->exitCode(), 0) << e->output();
    EXPECT_EQ(readAll(m_dir / "fallback/052a77c020_jpg.png"),
              readAll(m_dir / "epoch1/052a77c020_jpg.png"));
    // The damaged checkpoint named itself: a checkpoint error, nothing written.
    auto d = cli({"translate", "--model", (run / "checkpoints/latest").string(),
                  testImage().string(), "-o", (m_dir / "out").string()},
                 "translate-latest");
    EXPECT_EQ(d->exitCode(), 4) << d->output();
    EXPECT_NE(d->output().find(damaged.string() + "' is damaged"), std::string::npos)
        << d->output();
    EXPECT_FALSE(fs::exists(m_dir / "out/052a77c020_jpg.png"));
    auto c = cli({"convert", (run / "checkpoints/latest").string(), (m_dir / "g.pth").string()},
                 "convert");
    EXPECT_EQ(c->exitCode(), 4) << c->output();
    EXPECT_FALSE(fs::exists(m_dir / "g.pth"));
    auto v = cli({"eval", "--model", run.string(), "--epoch", "latest", "--metrics", "swd",
                  "--testA", (m_demo / "testA").string(), "--testB", (m_demo / "testB").string(),
                  "--no_log"},
                 "eval");
    EXPECT_EQ(v->exitCode(), 4) << v->output();
    EXPECT_NE(v->output().find("nothing was scored for 'latest'"), std::string::npos)
        << v->output();
}

// Kind: a file cut short gets our message (size against the manifest), not LibTorch's.
TEST_F(FieldReports2, TruncatedCheckpointGetsOurMessage) {
    trainOneEpoch("r");
    const fs::path file = runDir("r") / "checkpoints/latest/G_B.pt";
    fs::resize_file(file, fs::file_size(file) / 2);
    auto t = cli({"translate", "--model", (runDir("r") / "checkpoints/latest").string(),
                  "--direction", "BtoA", testImage().string(), "-o", (m_dir / "o").string()},
                 "translate");
    EXPECT_EQ(t->exitCode(), 4) << t->output();
    EXPECT_NE(t->output().find("Checkpoint file '" + file.string() + "' is damaged"),
              std::string::npos)
        << t->output();
    EXPECT_NE(t->output().find("(truncated?)"), std::string::npos) << t->output();
    EXPECT_EQ(t->output().find("central directory"), std::string::npos) << t->output();
}

// Kind: a file-size limit (ulimit -f) makes writes fail with an error, never kills the run;
// and a second rescue never overwrites the first (rescued files may be the last copy).
TEST_F(FieldReports2, FileSizeLimitIsAWriteErrorAndRescuesAreKept) {
    trainOneEpoch("probe");
    const auto generatorBytes = fs::file_size(runDir("probe") / "checkpoints/latest/G_A.pt");
    ASSERT_GT(fs::file_size(runDir("probe") / "checkpoints/latest/optimizer_G.pt"),
              3 * generatorBytes);
    const e2e::SpawnLimits limits{static_cast<long long>(2 * generatorBytes), true};
    const fs::path rescued = runDir("full") / "rescued/epoch_0001_iter00000008";
    auto p = cli(tinyTrain("full", 1, 100000), "full-1", limits);
    EXPECT_FALSE(p->killedBy(SIGXFSZ)) << p->output();
    EXPECT_EQ(p->exitCode(), 7) << p->output();
    EXPECT_NE(p->output().find("File too large"), std::string::npos) << p->output();
    EXPECT_NE(p->output().find("were saved alone to '" + rescued.string() + "'"),
              std::string::npos)
        << p->output();
    for (const auto &e : fs::directory_iterator(runDir("full") / "checkpoints"))
        EXPECT_EQ(e.path().extension(), "") << "left behind: " << e.path();
    const std::string first = readAll(rescued / "G_A.pt");
    ASSERT_FALSE(first.empty());
    // The same command again, as the message advises: a second rescue beside the first.
    auto again = cli(tinyTrain("full", 1, 100000), "full-2", limits);
    EXPECT_EQ(again->exitCode(), 7) << again->output();
    EXPECT_NE(again->output().find("'" + rescued.string() + "_2'"), std::string::npos)
        << again->output();
    EXPECT_EQ(readAll(rescued / "G_A.pt"), first);
    EXPECT_TRUE(fs::exists(rescued.string() + "_2/G_A.pt"));
}

// Kind: results that cost compute are shown before a failure to save them is reported.
TEST_F(FieldReports2, EvalPrintsItsTableBeforeTheWriteFailure) {
    trainOneEpoch("r");
    fs::create_directories(runDir("r") / "metrics.csv"); // appending to it fails (EISDIR)
    auto v = cli({"eval", "--model", runDir("r").string(), "--epoch", "latest", "--metrics",
                  "swd", "--testA", (m_demo / "testA").string(), "--testB",
                  (m_demo / "testB").string()},
                 "eval");
    EXPECT_EQ(v->exitCode(), 7) << v->output();
    const std::string out = v->output();
    const auto row = out.find("latest       AtoB");
    const auto error = out.find("were not saved to");
    EXPECT_NE(row, std::string::npos) << out;
    EXPECT_NE(error, std::string::npos) << out;
    EXPECT_LT(row, error) << out;
}

// Kind: a direction that a one-generator model cannot give is said, not silently swapped;
// and every command takes the same direction spellings (B2A).
TEST_F(FieldReports2, OneGeneratorFileSaysItIgnoresTheDirection) {
    trainOneEpoch("r");
    const fs::path pth = m_dir / "g.pth";
    auto c = cli({"convert", runDir("r").string(), pth.string(), "--direction", "B2A"}, "convert");
    ASSERT_EQ(c->exitCode(), 0) << c->output();
    auto t = cli({"translate", "--model", pth.string(), "--direction", "BtoA",
                  testImage().string(), "-o", (m_dir / "o").string()},
                 "translate");
    EXPECT_EQ(t->exitCode(), 0) << t->output();
    EXPECT_NE(t->output().find("warning: '" + pth.string() + "' holds one generator"),
              std::string::npos)
        << t->output();
    EXPECT_NE(t->output().find("the direction BtoA asked for is ignored"), std::string::npos);
    auto a = cli({"translate", "--model", pth.string(), testImage().string(), "-o",
                  (m_dir / "o2").string()},
                 "translate-own");
    EXPECT_EQ(a->output().find("warning:"), std::string::npos) << a->output();
}

// Kind: an input that yields nothing is a failed input (exit 2), not "0 translated", exit 0.
TEST_F(FieldReports2, InputFolderWithoutImagesFails) {
    fs::create_directories(m_dir / "dir.png");
    std::ofstream(m_dir / "dir.png/readme.txt") << "no images here";
    auto t = cli({"translate", "--model", "demo", (m_dir / "dir.png").string(), "-o",
                  (m_dir / "o").string()},
                 "translate");
    EXPECT_EQ(t->exitCode(), 2) << t->output();
    EXPECT_NE(t->output().find("Folder '" + (m_dir / "dir.png").string() +
                               "' holds no image or video file"),
              std::string::npos)
        << t->output();
}

// The options of the official train.py (options/base_options.py, train_options.py,
// models/cycle_gan_model.py), each with a value the official code accepts; continue_train
// has its own tests. The test keeps its own list: it is what users' command lines hold.
const std::vector<std::vector<std::string>> kOfficialTrainOptions = {
    {"--gpu_ids", "-1"}, {"--model", "cycle_gan"}, {"--input_nc", "3"}, {"--output_nc", "3"},
    {"--netD", "basic"}, {"--n_layers_D", "3"}, {"--norm", "instance"},
    {"--init_type", "normal"}, {"--init_gain", "0.02"}, {"--no_dropout"},
    {"--dataset_mode", "unaligned"}, {"--direction", "AtoB"}, {"--serial_batches"},
    {"--batch_size", "1"}, {"--preprocess", "resize_and_crop"}, {"--no_flip"},
    {"--display_winsize", "256"}, {"--epoch", "latest"}, {"--load_iter", "0"}, {"--verbose"},
    {"--suffix", "x"}, {"--use_wandb"}, {"--wandb_project_name", "CycleGAN-and-pix2pix"},
    {"--display_ncols", "4"}, {"--display_id", "-1"}, {"--display_server", "http://localhost"},
    {"--display_env", "main"}, {"--display_port", "8097"}, {"--update_html_freq", "1000"},
    {"--no_html"}, {"--save_by_iter"}, {"--epoch_count", "1"}, {"--phase", "train"},
    {"--beta1", "0.5"}, {"--lr", "0.0002"}, {"--gan_mode", "lsgan"}, {"--pool_size", "50"},
    {"--lr_policy", "linear"}, {"--lr_decay_iters", "50"}, {"--lambda_A", "10"},
    {"--lambda_B", "10"}, {"--lambda_identity", "0.5"}, {"--niter", "1"},
    {"--niter_decay", "0"}};

TEST_F(FieldReports2, EveryOfficialTrainOptionIsAccepted) {
    std::vector<std::string> args = tinyTrain("official", 1, 100000);
    for (const auto &option : kOfficialTrainOptions)
        args.insert(args.end(), option.begin(), option.end());
    auto p = cli(args, "train");
    ASSERT_EQ(p->exitCode(), 0) << p->output();
    const std::string out = p->output();
    for (const char *ignored :
         {"--display_id -1 has no effect here", "--no_html has no effect here",
          "--use_wandb has no effect here", "--suffix x has no effect here",
          "--lr_decay_iters 50 has no effect here", "--save_by_iter has no effect here"})
        EXPECT_NE(out.find(std::string("note: ") + ignored), std::string::npos) << ignored;
    EXPECT_NE(out.find("Training on CPU"), std::string::npos) << out; // --gpu_ids -1
}

TEST_F(FieldReports2, OfficialValuesWithoutAMeaningHereAreRefusedByName) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--dataset_mode", "aligned"}, "--dataset_mode aligned is not supported"},
        {{"--lr_policy", "step"}, "--lr_policy step is not supported"},
        {{"--gpu_ids", "0,1"}, "torchrun"},
        {{"--model", "pix2pix"}, "--model 'pix2pix' is not supported"},
        {{"--direction", "BtoA"}, "--dirA"},
        {{"--load_iter", "5"}, "--load_iter 5 is not supported"}};
    for (const auto &[extra, message] : cases) {
        auto p = cli(with(tinyTrain("refused", 1, 100000), extra), "refused");
        EXPECT_EQ(p->exitCode(), 1) << extra[0] << ": " << p->output();
        EXPECT_NE(p->output().find(message), std::string::npos) << p->output();
        EXPECT_FALSE(fs::exists(runDir("refused"))) << extra[0];
    }
}

// The options of the official test.py (options/base_options.py, test_options.py,
// models/test_model.py) on the bundled demo model, a model folder of ours.
TEST_F(FieldReports2, OfficialTestCommandLineTranslates) {
    const char *src = std::getenv("CGS_SOURCE_DIR");
    const fs::path resources = fs::path(src ? src : ".") / "resources/demo";
    const fs::path results = m_dir / "results";
    auto p = cli({"test", "--dataroot", (m_demo / "testB").string(), "--name", "model",
                  "--checkpoints_dir", resources.string(), "--gpu_ids", "-1", "--model", "test",
                  "--model_suffix", "_B", "--results_dir", results.string(), "--phase", "test",
                  "--epoch", "latest", "--num_test", "2", "--aspect_ratio", "1.0", "--eval",
                  "--ngf", "64", "--netG", "resnet_9blocks", "--norm", "instance",
                  "--no_dropout", "--init_type", "normal", "--init_gain", "0.02", "--input_nc",
                  "3", "--output_nc", "3", "--ndf", "64", "--netD", "basic", "--n_layers_D", "3",
                  "--load_size", "256", "--crop_size", "256", "--preprocess", "resize_and_crop",
                  "--no_flip", "--serial_batches", "--batch_size", "1", "--num_threads", "4",
                  "--max_dataset_size", "100", "--dataset_mode", "single", "--direction", "AtoB",
                  "--load_iter", "0", "--display_winsize", "256", "--verbose", "--suffix", "x",
                  "--use_wandb", "--wandb_project_name", "p", "--cpu_threads", "1"},
                 "test");
    ASSERT_EQ(p->exitCode(), 0) << p->output();
    EXPECT_NE(p->output().find("note: --aspect_ratio 1.0 has no effect here"), std::string::npos)
        << p->output();
    std::vector<fs::path> written;
    for (const auto &e : fs::directory_iterator(results / "model/test_latest/images"))
        if (e.path().filename().string()[0] != '.') // not the export record
            written.push_back(e.path());
    EXPECT_EQ(written.size(), 2u); // --num_test 2
    // The same as `cyclegan translate` with G_B (--model_suffix _B) writes.
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(m_demo / "testB"))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    auto t = cli({"translate", "--model", "demo", "--direction", "BtoA",
                  (m_demo / "testB" / names[0]).string(), "-o", (m_dir / "t").string(),
                  "--cpu_threads", "1"},
                 "translate");
    ASSERT_EQ(t->exitCode(), 0) << t->output();
    const std::string stem = fs::path(names[0]).stem().string() + "_" +
                             fs::path(names[0]).extension().string().substr(1) + ".png";
    EXPECT_EQ(readAll(results / "model/test_latest/images" / stem), readAll(m_dir / "t" / stem));
}

// Smaller findings of the same round.
TEST_F(FieldReports2, LatestIsWrittenOncePerIteration) {
    auto p = cli(tinyTrain("once", 1, 4), "train"); // latest at 4 and 8; 8 ends the epoch
    ASSERT_EQ(p->exitCode(), 0) << p->output();
    EXPECT_EQ(count(p->output(), "saved checkpoint 'latest' (iteration 4)"), 1u) << p->output();
    EXPECT_EQ(count(p->output(), "saved checkpoint 'latest' (iteration 8)"), 1u) << p->output();
}

TEST_F(FieldReports2, RefusedContinueLeavesNoLockInAnOfficialFolder) {
    trainOneEpoch("r");
    const fs::path official = m_dir / "official/h2z";
    fs::create_directories(official);
    for (const auto &[direction, file] : {std::pair<std::string, std::string>{"AtoB", "G_A"},
                                          {"BtoA", "G_B"}}) {
        auto c = cli({"convert", runDir("r").string(), "--direction", direction,
                      (official / ("latest_net_" + file + ".pth")).string()},
                     "convert-" + file);
        ASSERT_EQ(c->exitCode(), 0) << c->output();
    }
    // No discriminators in the folder: the official run cannot be continued.
    auto p = cli({"train", "--dataroot", m_demo.string(), "--name", "h2z", "--checkpoints_dir",
                  (m_dir / "official").string(), "--continue_train", "--cpu_threads", "1"},
                 "continue");
    EXPECT_NE(p->exitCode(), 0) << p->output();
    EXPECT_FALSE(fs::exists(official / ".lock")) << p->output();
    EXPECT_FALSE(fs::exists(official / "checkpoints"));
}

TEST_F(FieldReports2, DatasetCountsOnlyImages) {
    for (const char *domain : {"trainA", "trainB"}) {
        fs::create_directories(m_dir / "data" / domain);
        int n = 0;
        for (const auto &e : fs::directory_iterator(m_demo / domain))
            if (n++ < 3)
                fs::copy_file(e.path(), m_dir / "data" / domain / e.path().filename());
    }
    std::ofstream(m_dir / "data/trainA/page.jpg") << "<!DOCTYPE html><html>not a photo</html>";
    std::vector<std::string> args = tinyTrain("count", 1, 100000);
    args[2] = (m_dir / "data").string(); // --dataroot
    auto p = cli(args, "train");
    ASSERT_EQ(p->exitCode(), 0) << p->output();
    EXPECT_NE(p->output().find("dataset: 3 images in A, 3 in B"), std::string::npos)
        << p->output();
    EXPECT_NE(p->output().find("page.jpg': not an image in a supported format"),
              std::string::npos)
        << p->output();
    EXPECT_NE(p->output().find("iter 3/3"), std::string::npos) << p->output(); // 3 steps
}

TEST_F(FieldReports2, NanStopSaysWhenThereIsNoCheckpoint) {
    auto p = cli(with(tinyTrain("nan", 1, 100000), {"--lambda_A", "1e39"}), "train");
    EXPECT_EQ(p->exitCode(), 6) << p->output();
    EXPECT_NE(p->output().find("No checkpoint was written before it"), std::string::npos)
        << p->output();
    EXPECT_EQ(p->output().find("is kept"), std::string::npos) << p->output();
}

TEST_F(FieldReports2, TruncatedPngGetsOneMessageOfOurs) {
    Image img(64, 48, 3);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c)
                img.pixel(x, y)[c] = static_cast<std::uint8_t>((x * 7 + y * 13 + c * 50) % 256);
    const fs::path png = m_dir / "cut.png";
    writeImage(png.string(), img);
    fs::resize_file(png, fs::file_size(png) * 2 / 3);
    auto t = cli({"translate", "--model", "demo", png.string(), "-o", (m_dir / "o").string()},
                 "translate");
    EXPECT_EQ(t->exitCode(), 2) << t->output();
    EXPECT_NE(t->output().find("truncated or corrupt PNG data"), std::string::npos)
        << t->output();
    EXPECT_EQ(t->output().find("libpng"), std::string::npos) << t->output();
    EXPECT_EQ(t->output().find("Not enough image data"), std::string::npos) << t->output();
}

} // namespace
} // namespace cgs
