// Multi-process runs of the real `cyclegan` executable: the test starts every rank itself with
// the torchrun variables (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR,
// MASTER_PORT) on 127.0.0.1, Gloo on the CPU, tiny networks and images.
#include "core/engine/dist/dist_env.h"
#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/train/train_options.h"
#include "core/engine/train/training_checkpoint.h"
#include "tests/core/imageio/video_test_util.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string readAll(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Rank {
    pid_t pid = -1;
    fs::path log;
    int exitCode = -1;
    std::string output() const { return readAll(log); }
};

class DistributedCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("cgs_dist_cli_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        const char *src = std::getenv("CGS_SOURCE_DIR");
        m_demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Starts `world` ranks of `cyclegan <args>` (world 0: one plain process, no variables),
    // with the variables `env` ("NAME=value") set as well.
    std::vector<Rank> start(const std::string &args, int world, const std::string &tag,
                            const std::vector<std::string> &env = {}) {
        const int port = cgs::freeLoopbackPort();
        std::vector<Rank> ranks;
        for (int r = 0; r < std::max(world, 1); ++r) {
            Rank rank;
            rank.log = m_dir / (tag + "_rank" + std::to_string(r) + ".txt");
            rank.pid = ::fork();
            if (rank.pid == 0) {
                for (const auto &e : env)
                    ::setenv(e.substr(0, e.find('=')).c_str(), e.substr(e.find('=') + 1).c_str(), 1);
                if (world > 0) {
                    ::setenv("RANK", std::to_string(r).c_str(), 1);
                    ::setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
                    ::setenv("WORLD_SIZE", std::to_string(world).c_str(), 1);
                    ::setenv("LOCAL_WORLD_SIZE", std::to_string(world).c_str(), 1);
                    ::setenv("MASTER_ADDR", "127.0.0.1", 1);
                    ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
                }
                const std::string cmd = std::string("exec '") + CGS_CLI_PATH + "' " + args +
                                        " > '" + rank.log.string() + "' 2>&1";
                ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char *>(nullptr));
                ::_exit(127);
            }
            ranks.push_back(rank);
        }
        return ranks;
    }

    // Waits for every rank (at most `limit`); a rank still running then is killed (-1).
    static void wait(std::vector<Rank> &ranks, std::chrono::seconds limit) {
        const auto end = Clock::now() + limit;
        for (auto &r : ranks) {
            int status = 0;
            while (::waitpid(r.pid, &status, WNOHANG) == 0) {
                if (Clock::now() > end) {
                    ::kill(r.pid, SIGKILL);
                    ::waitpid(r.pid, &status, 0);
                    status = -1;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            r.exitCode = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
    }

    std::vector<Rank> run(const std::string &args, int world, const std::string &tag) {
        auto ranks = start(args, world, tag);
        wait(ranks, std::chrono::seconds(120));
        for (const auto &r : ranks)
            EXPECT_EQ(r.exitCode, 0) << tag << ": " << r.output();
        return ranks;
    }

    // 4 images per domain, 32x32 crops, ngf 4: a fraction of a second per step.
    std::string tinyTrain(const std::string &name, int batch, int epochs,
                          const std::string &extra = "") const {
        return tinyTrainOn(m_demo, name, batch, epochs, extra);
    }
    std::string tinyTrainOn(const fs::path &dataroot, const std::string &name, int batch,
                            int epochs, const std::string &extra = "") const {
        return "train --dataroot '" + dataroot.string() + "' --name " + name +
               " --checkpoints_dir '" + (m_dir / "runs").string() +
               "' --netG resnet_6blocks --ngf 4 --ndf 4 --load_size 36 --crop_size 32 "
               "--max_dataset_size 4 --n_epochs " + std::to_string(epochs) +
               " --n_epochs_decay 0 --display_freq 1000 --print_freq 1000 --save_epoch_freq 1 "
               "--seed 7 --cpu_threads 1 --num_threads 1 --dist_timeout 20 --batch_size " +
               std::to_string(batch) + " " + extra;
    }

    fs::path runDir(const std::string &name) const { return m_dir / "runs" / name; }

    // A dataset of images of several sizes (multiples of 4, at least 32): trainA/B of 4 each.
    fs::path mixedSizeDataset() const {
        const fs::path root = m_dir / "mixed";
        const int sizes[4][2] = {{32, 32}, {40, 32}, {32, 44}, {36, 36}};
        for (const char *domain : {"trainA", "trainB"}) {
            fs::create_directories(root / domain);
            for (int i = 0; i < 4; ++i) {
                const int k = domain[5] == 'A' ? i : 3 - i;
                const cv::Mat photo = cgs::test::smoothPhoto(10 * k + domain[5], sizes[k][0],
                                                             sizes[k][1]);
                cv::imwrite((root / domain / ("img" + std::to_string(i) + ".png")).string(), photo);
            }
        }
        return root;
    }

    // The loss rows of a run: iteration -> the row without its seconds_per_iter column.
    static std::vector<std::string> lossRows(const fs::path &run) {
        std::ifstream in(run / "loss_log.csv");
        std::string line;
        std::vector<std::string> rows;
        std::getline(in, line);
        while (std::getline(in, line))
            if (!line.empty())
                rows.push_back(line.substr(0, line.rfind(',')));
        return rows;
    }

    // What the networks of a checkpoint compute on fixed inputs: G_A, G_B outputs, D maps.
    static std::vector<torch::Tensor> outputs(const fs::path &run, const std::string &tag) {
        const auto options = cgs::trainOptionsFromJson(readAll(run / "config.json"));
        cgs::CycleGanModel model(options, torch::kCPU);
        cgs::TrainingCheckpoint::load((run / "checkpoints" / tag).string(), model);
        torch::manual_seed(123);
        const auto x = torch::rand({2, 3, 32, 32}) * 2 - 1;
        torch::NoGradGuard noGrad;
        return {model.netGA->forward(x), model.netGB->forward(x), model.netDA->forward(x),
                model.netDB->forward(x)};
    }

    fs::path m_dir;
    fs::path m_demo;
};

TEST_F(DistributedCli, TwoRanksOfBatchOneTrainAsOneProcessOfBatchTwo) {
    run(tinyTrain("single", 2, 1, "--pool_size 0"), 0, "single");
    const auto ranks = run(tinyTrain("dist", 1, 1, "--pool_size 0"), 2, "dist");
    // The capturable step (eager on the CPU) averages its gradients at the same two points.
    run(tinyTrain("capturable", 1, 1, "--pool_size 0 --train_step capturable"), 2, "capturable");
    EXPECT_NE(ranks[0].output().find("2 processes"), std::string::npos) << ranks[0].output();
    EXPECT_NE(readAll(runDir("dist") / "config.json").find("\"world_size\": 2"), std::string::npos);
    EXPECT_EQ(lossRows(runDir("dist")).size(), 2u); // 4 images / (2 ranks x 1) = 2 steps
    const auto a = outputs(runDir("single"), "latest");
    const auto b = outputs(runDir("dist"), "latest");
    const auto c = outputs(runDir("capturable"), "latest");
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_TRUE(torch::allclose(a[i], b[i], 0, 1e-4))
            << i << ": max diff " << (a[i] - b[i]).abs().max().item<float>();
        EXPECT_TRUE(torch::allclose(a[i], c[i], 0, 1e-4))
            << i << ": capturable, max diff " << (a[i] - c[i]).abs().max().item<float>();
    }
    // Only rank 0 wrote the run folder: one loss row per step, checkpoints of 2 ranks.
    EXPECT_TRUE(fs::exists(runDir("dist") / "checkpoints/latest/rank_0001.pt"));
}

TEST_F(DistributedCli, ResumeWithTwoRanksIsBitExact) {
    // With the image pool on (random choices per rank): 2 epochs straight vs 1 + 1.
    run(tinyTrain("straight", 1, 2), 2, "straight");
    run(tinyTrain("halves", 1, 1), 2, "first");
    run(tinyTrain("halves", 1, 2, "--continue_train"), 2, "second");
    EXPECT_EQ(lossRows(runDir("straight")), lossRows(runDir("halves")));
    EXPECT_EQ(lossRows(runDir("halves")).size(), 4u);
    const auto a = outputs(runDir("straight"), "latest");
    const auto b = outputs(runDir("halves"), "latest");
    for (size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i], b[i])) << i;
}

TEST_F(DistributedCli, ImagesOfSeveralSizesTrainAndResumeExactlyWithTwoRanks) {
    // --preprocess none: every image keeps its size; each rank's pool holds several sizes, and
    // the checkpoint keeps both ranks' pools.
    const fs::path data = mixedSizeDataset();
    const std::string opts = "--preprocess none --pool_size 4";
    run(tinyTrainOn(data, "straight", 1, 2, opts), 2, "straight");
    run(tinyTrainOn(data, "halves", 1, 1, opts), 2, "first");
    run(tinyTrainOn(data, "halves", 1, 2, opts + " --continue_train"), 2, "second");
    EXPECT_EQ(lossRows(runDir("halves")).size(), 4u);
    EXPECT_EQ(lossRows(runDir("straight")), lossRows(runDir("halves")));
    EXPECT_TRUE(fs::exists(runDir("halves") / "checkpoints/latest/rank_0001.pt"));
    const auto a = outputs(runDir("straight"), "latest");
    const auto b = outputs(runDir("halves"), "latest");
    for (size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i], b[i])) << i;
}

TEST_F(DistributedCli, OnlyRankZeroEvaluatesCheckpoints) {
    const auto ranks =
        run(tinyTrain("eval", 1, 1, "--eval_freq 1 --eval_metrics swd"), 2, "eval");
    EXPECT_NE(ranks[0].output().find("eval epoch_0001 AtoB: SWD"), std::string::npos)
        << ranks[0].output();
    EXPECT_EQ(ranks[1].output().find("eval epoch_0001"), std::string::npos) << ranks[1].output();
    const std::string csv = readAll(runDir("eval") / "metrics.csv");
    size_t rows = 0;
    for (size_t at = csv.find("epoch_0001,"); at != std::string::npos;
         at = csv.find("epoch_0001,", at + 1))
        ++rows;
    EXPECT_EQ(rows, 2u) << csv; // AtoB and BtoA, once
}

TEST_F(DistributedCli, CombinationsThatCannotRunStopEveryRankAtStart) {
    // --cuda_graph on: refused by every rank (before any device is needed).
    auto graph =
        start(tinyTrain("graph", 1, 1, "--train_step capturable --cuda_graph on"), 2, "graph");
    wait(graph, std::chrono::seconds(60));
    for (const auto &r : graph) {
        EXPECT_EQ(r.exitCode, 1) << r.output();
        EXPECT_NE(r.output().find("--cuda_graph on cannot run with 2 processes"), std::string::npos)
            << r.output();
    }
    EXPECT_FALSE(fs::exists(runDir("graph")));
    // --eval_freq without the Inception weights: rank 0 finds out, the others follow it.
    auto eval = start(tinyTrain("noweights", 1, 1, "--eval_freq 1"), 2, "noweights",
                      {"HOME=/nonexistent", "XDG_CACHE_HOME=/nonexistent",
                       "TORCH_HOME=/nonexistent", "CGS_INCEPTION_WEIGHTS="});
    wait(eval, std::chrono::seconds(60));
    EXPECT_EQ(eval[0].exitCode, 1) << eval[0].output();
    EXPECT_NE(eval[0].output().find("pt_inception-2015-12-05-6726825d.pth"), std::string::npos)
        << eval[0].output();
    EXPECT_EQ(eval[1].exitCode, 1) << eval[1].output();
    EXPECT_NE(eval[1].output().find("Rank 0 did not start"), std::string::npos)
        << eval[1].output();
    EXPECT_FALSE(fs::exists(runDir("noweights")));
}

TEST_F(DistributedCli, KilledRankStopsTheOtherNamingItThenContinueTrainFinishes) {
    // 16 images, 8 steps per epoch, a checkpoint every 4 images (2 steps).
    const std::string args = tinyTrain("killed", 1, 3, "--max_dataset_size 16 --save_latest_freq 4");
    auto ranks = start(args, 2, "killed");
    const auto deadline = Clock::now() + std::chrono::seconds(90);
    while (lossRows(runDir("killed")).size() < 5 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_GE(lossRows(runDir("killed")).size(), 5u) << ranks[0].output();
    ::kill(ranks[1].pid, SIGKILL);
    const auto killed = Clock::now();
    wait(ranks, std::chrono::seconds(40));
    const double seconds = std::chrono::duration<double>(Clock::now() - killed).count();
    EXPECT_LT(seconds, 25.0); // --dist_timeout 20 (plus the diagnosis)
    EXPECT_NE(ranks[0].exitCode, 0);
    EXPECT_NE(ranks[0].exitCode, -1) << "rank 0 had to be killed";
    EXPECT_NE(ranks[0].output().find("rank 1 died"), std::string::npos) << ranks[0].output();
    ASSERT_TRUE(fs::exists(runDir("killed") / "checkpoints/latest/manifest.json"));
    cgs::TrainingCheckpoint::verify((runDir("killed") / "checkpoints/latest").string());

    run(args + " --continue_train", 2, "continued");
    const auto rows = lossRows(runDir("killed"));
    EXPECT_EQ(rows.size(), 24u); // 3 epochs x 8 steps, each once
    std::set<long long> iterations;
    for (const auto &row : rows)
        iterations.insert(std::stoll(row.substr(0, row.find(','))));
    EXPECT_EQ(iterations.size(), rows.size());
    EXPECT_EQ(*iterations.begin(), 1);
    EXPECT_EQ(*iterations.rbegin(), 24);
}

TEST_F(DistributedCli, MismatchedOptionsAreRefusedAtStart) {
    std::vector<Rank> mixed;
    {
        const int p = cgs::freeLoopbackPort();
        for (int r = 0; r < 2; ++r) {
            Rank rank;
            rank.log = m_dir / ("mixed_rank" + std::to_string(r) + ".txt");
            rank.pid = ::fork();
            if (rank.pid == 0) {
                ::setenv("RANK", std::to_string(r).c_str(), 1);
                ::setenv("WORLD_SIZE", "2", 1);
                ::setenv("MASTER_ADDR", "127.0.0.1", 1);
                ::setenv("MASTER_PORT", std::to_string(p).c_str(), 1);
                const std::string extra = r == 0 ? "" : "--lambda_A 5";
                const std::string cmd = std::string("exec '") + CGS_CLI_PATH + "' " +
                                        tinyTrain("mixed", 1, 1, extra) + " > '" +
                                        rank.log.string() + "' 2>&1";
                ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char *>(nullptr));
                ::_exit(127);
            }
            mixed.push_back(rank);
        }
    }
    wait(mixed, std::chrono::seconds(60));
    for (const auto &r : mixed) {
        EXPECT_NE(r.exitCode, 0) << r.output();
        EXPECT_NE(r.output().find("lambda_A"), std::string::npos) << r.output();
    }
    EXPECT_FALSE(fs::exists(runDir("mixed") / "loss_log.csv"));
}

TEST_F(DistributedCli, TranslateWithTwoRanksWritesWhatOneProcessWrites) {
    run(tinyTrain("model", 2, 1), 0, "model");
    // A folder of images and a video (split by whole files): x.jpg -> x_jpg.png, clip.mkv.
    const fs::path in = m_dir / "in";
    fs::create_directories(in);
    for (const auto &e : fs::directory_iterator(m_demo / "testA"))
        fs::copy_file(e.path(), in / e.path().filename());
    cgs::test::writeClip((in / "clip.mkv").string(), cgs::test::panningFrames(6, 64, 48), 12);
    const std::string translate = "translate '" + in.string() + "' --model '" +
                                  runDir("model").string() + "' --cpu_threads 1 --dist_timeout 20 -o ";
    run(translate + "'" + (m_dir / "one").string() + "'", 0, "one");
    const auto ranks = run(translate + "'" + (m_dir / "two").string() + "'", 2, "two");
    EXPECT_NE(ranks[0].output().find("translated"), std::string::npos) << ranks[0].output();
    std::vector<std::string> one, two;
    // The outputs (one process also records which model made them: .cyclegan-export.json).
    for (const auto &e : fs::directory_iterator(m_dir / "one"))
        if (e.path().filename().string()[0] != '.')
            one.push_back(e.path().filename().string());
    for (const auto &e : fs::directory_iterator(m_dir / "two"))
        if (e.path().filename().string()[0] != '.')
            two.push_back(e.path().filename().string());
    std::sort(one.begin(), one.end());
    std::sort(two.begin(), two.end());
    ASSERT_FALSE(one.empty());
    EXPECT_EQ(one, two);
    EXPECT_NE(std::find(one.begin(), one.end(), "clip.mkv"), one.end());
    for (const auto &name : one) {
        if (name == "clip.mkv") { // compare the decoded frames (containers carry metadata)
            const auto x = cgs::test::readClip((m_dir / "one" / name).string());
            const auto y = cgs::test::readClip((m_dir / "two" / name).string());
            ASSERT_EQ(x.size(), 6u);
            ASSERT_EQ(y.size(), x.size());
            for (size_t f = 0; f < x.size(); ++f)
                EXPECT_TRUE(cgs::test::sameMat(x[f], y[f])) << "frame " << f;
            continue;
        }
        EXPECT_EQ(readAll(m_dir / "one" / name), readAll(m_dir / "two" / name)) << name;
    }
    // Rank 0 prints the video's line, whichever rank translated it.
    EXPECT_NE(ranks[0].output().find("clip.mkv: 6 frames"), std::string::npos) << ranks[0].output();
    // Rank 0's summary counts every file, both ranks' shares.
    EXPECT_NE(ranks[0].output().find(std::to_string(one.size()) + " translated"), std::string::npos)
        << ranks[0].output();
}

} // namespace
