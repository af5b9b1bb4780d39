// Continuing a run of the official train.py (checkpoints/<name>/<epoch>_net_{G_A,G_B,D_A,D_B}.pth)
// with `cyclegan train --continue_train`, as its users would with the official code.
#include "core/engine/official/official_weights.h"

#include "core/engine/error.h"
#include "core/engine/train/synthetic_source.h"
#include "core/engine/train/trainer.h"
#include "core/engine/train/training_checkpoint.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class OfficialRunTest : public test::TempDirTest {
protected:
    OfficialRunTest() : TempDirTest("official_run") {}

    // An official run folder with real PyTorch-written files: the 9-block generator fixture
    // (ngf 2) as G_A and G_B, the 3-layer PatchGAN fixture (ndf 2) as D_A and D_B.
    fs::path officialRun(const std::string &epoch = "latest") const {
        const fs::path run = m_dir / "horse2zebra";
        fs::create_directories(run);
        fs::copy_file(test::officialFixture("gen9_legacy.pth"), run / (epoch + "_net_G_A.pth"));
        fs::copy_file(test::officialFixture("gen9_zip.pth"), run / (epoch + "_net_G_B.pth"));
        fs::copy_file(test::officialFixture("disc_zip.pth"), run / (epoch + "_net_D_A.pth"));
        fs::copy_file(test::officialFixture("disc_zip.pth"), run / (epoch + "_net_D_B.pth"));
        return run;
    }
    TrainOptions options() const {
        TrainOptions o = test::tinySyntheticOptions(m_dir.string(), "horse2zebra");
        o.netG = "resnet_9blocks";
        o.ngf = 2;
        o.ndf = 2;
        o.nEpochs = 60;
        o.nEpochsDecay = 0;
        o.epochCount = 51; // as the official --epoch_count after 50 epochs
        o.continueTrain = true;
        return o;
    }
    static std::unique_ptr<UnpairedSource> source() {
        return std::make_unique<SyntheticSource>(32, 2);
    }
};

// The weights of `module` equal those of the official file, key by key.
void expectWeightsOf(torch::nn::Module &module, const std::string &file) {
    const StateDict expected = readStateDictFile(file);
    const auto params = module.named_parameters();
    ASSERT_EQ(params.size(), expected.size()) << file;
    for (const auto &[key, tensor] : expected) {
        const torch::Tensor *p = params.find(key);
        ASSERT_NE(p, nullptr) << key;
        EXPECT_TRUE(torch::equal(p->cpu(), tensor)) << key << " differs from " << file;
    }
}

class LogRecorder : public TrainingObserver {
public:
    std::string text;
    void logged(LogLevel, const std::string &m) override { text += m + "\n"; }
};

TEST_F(OfficialRunTest, ContinueTrainStartsFromTheOfficialWeights) {
    const fs::path run = officialRun();
    LogRecorder log;
    {
        Trainer trainer(options(), source());
        TrainControl control;
        control.requestStop(); // stop before the first step: `latest` holds the loaded weights
        trainer.run(log, control);
    }
    EXPECT_NE(log.text.find("Continuing the official run from " + run.string()),
              std::string::npos)
        << log.text;
    EXPECT_NE(log.text.find("optimizer moments, image pools or random states"), std::string::npos)
        << log.text;

    CycleGanModel model(options(), torch::kCPU);
    const TrainingCounters counters =
        TrainingCheckpoint::load((run / "checkpoints/latest").string(), model);
    EXPECT_EQ(counters.epoch, 51);
    EXPECT_EQ(counters.iteration, 0);
    expectWeightsOf(*model.netGA, test::officialFixture("gen9_legacy.pth"));
    expectWeightsOf(*model.netGB, test::officialFixture("gen9_zip.pth"));
    expectWeightsOf(*model.netDA, test::officialFixture("disc_zip.pth"));
    expectWeightsOf(*model.netDB, test::officialFixture("disc_zip.pth"));
    // The official files are untouched, and the next --continue_train is one of ours (exact).
    EXPECT_TRUE(fs::exists(run / "latest_net_G_A.pth"));
    Trainer again(options(), source());
    LogRecorder log2;
    TrainControl control2;
    control2.requestStop();
    again.run(log2, control2);
    EXPECT_EQ(log2.text.find("Continuing the official run"), std::string::npos) << log2.text;
    EXPECT_NE(log2.text.find("Resumed from"), std::string::npos) << log2.text;
}

TEST_F(OfficialRunTest, NamedEpochAndItsProblemsAreSaid) {
    const fs::path run = officialRun("50");
    TrainOptions o = options();
    o.epoch = "epoch_0050"; // ours, or the official "50"
    EXPECT_NO_THROW(Trainer(o, source()));
    fs::remove_all(run / "checkpoints");
    fs::remove(run / "config.json");

    o.epoch = "latest";
    try {
        Trainer t(o, source());
        ADD_FAILURE() << "no error for a missing epoch";
    } catch (const CheckpointError &e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("latest_net_G_A.pth"), std::string::npos) << m;
        EXPECT_NE(m.find("it has epochs: 50"), std::string::npos) << m;
    }

    o.epoch = "50";
    o.ngf = 4; // not what the official run used
    try {
        Trainer t(o, source());
        ADD_FAILURE() << "no error for another architecture";
    } catch (const CheckpointError &e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("50_net_G_A.pth"), std::string::npos) << m;
        EXPECT_NE(m.find("model.1.weight is [2, 3, 7, 7] in the file but [4, 3, 7, 7]"),
                  std::string::npos)
            << m;
    }

    o.ngf = 2;
    o.continueTrain = false;
    try {
        Trainer t(o, source());
        ADD_FAILURE() << "a new run started in an official run folder";
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("holds a run of the official code"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(fs::exists(run / "config.json")) << "refused starts write nothing";
}

} // namespace
} // namespace cgs
