#include "core/engine/train/trainer.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/train/run_folder.h"
#include "core/engine/train/synthetic_source.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class RecordingObserver : public TrainingObserver {
public:
    std::vector<StepReport> steps;
    std::vector<PreviewReport> previews;
    std::vector<CheckpointReport> checkpoints;
    TrainControl *stopAt = nullptr;
    std::int64_t stopIteration = -1;

    void stepFinished(const StepReport &r) override {
        steps.push_back(r);
        if (stopAt && r.iteration == stopIteration)
            stopAt->requestStop();
    }
    void previewReady(const PreviewReport &r) override { previews.push_back(r); }
    void checkpointSaved(const CheckpointReport &r) override { checkpoints.push_back(r); }
};

class TrainerTest : public test::TempDirTest {
protected:
    TrainerTest() : TempDirTest("trainer") {}

    // A tiny model that trains in a second per few steps on one CPU thread.
    TrainOptions tiny(const std::string &name) const {
        TrainOptions o = test::tinySyntheticOptions(m_dir.string(), name);
        o.nEpochs = 2;
        o.nEpochsDecay = 1;
        o.poolSize = 3;
        o.displayFreq = 4;
        o.printFreq = 1;
        o.saveEpochFreq = 1;
        return o;
    }

    static std::unique_ptr<UnpairedSource> source() {
        return std::make_unique<SyntheticSource>(32, 4);
    }
};

torch::Tensor flatWeights(const std::string &checkpointDir, Direction d) {
    auto g = loadCheckpointGenerator(checkpointDir, d, torch::kCPU);
    std::vector<torch::Tensor> all;
    for (const auto &p : g->parameters())
        all.push_back(p.detach().flatten());
    return torch::cat(all);
}

TEST_F(TrainerTest, WritesTheRunFolder) {
    Trainer trainer(tiny("run"), source());
    RecordingObserver observer;
    TrainControl control;
    const TrainSummary s = trainer.run(observer, control);
    EXPECT_TRUE(s.finished);
    EXPECT_EQ(s.iterations, 12); // 3 epochs x 4 steps
    ASSERT_EQ(observer.steps.size(), 12u);
    EXPECT_EQ(observer.steps.back().iteration, 12);
    EXPECT_EQ(observer.steps.back().totalIterations, 12);
    const fs::path run = m_dir / "run";
    EXPECT_TRUE(fs::exists(run / "config.json"));
    EXPECT_TRUE(fs::exists(run / "checkpoints/latest/G_A.pt"));
    EXPECT_TRUE(fs::exists(run / "checkpoints/epoch_0003/manifest.json"));
    EXPECT_EQ(observer.previews.size(), 3u); // every 4 images
    EXPECT_FALSE(fs::is_empty(run / "previews"));
    // Identity is on: rows real, fake, rec, idt; 2 rows.
    ASSERT_EQ(observer.previews[0].images.size(), 8u);
    EXPECT_EQ(observer.previews[0].images[0].first, "real_A");
    EXPECT_EQ(observer.previews[0].grid.width, 4 * 32 + 3 * 2);
    std::ifstream log(run / "loss_log.csv");
    std::string header, line;
    std::getline(log, header);
    EXPECT_EQ(header, "iteration,epoch,lr,D_A,G_A,cycle_A,idt_A,D_B,G_B,cycle_B,idt_B,seconds_per_iter");
    int rows = 0;
    while (std::getline(log, line))
        ++rows;
    EXPECT_EQ(rows, 12);
}

TEST_F(TrainerTest, LearningRateFollowsTheSchedule) {
    Trainer trainer(tiny("lr"), source());
    RecordingObserver observer;
    TrainControl control;
    trainer.run(observer, control);
    ASSERT_EQ(observer.steps.size(), 12u);
    EXPECT_DOUBLE_EQ(observer.steps[0].lr, 0.0002);
    EXPECT_DOUBLE_EQ(observer.steps[7].lr, 0.0002);
    EXPECT_DOUBLE_EQ(observer.steps[8].lr, 0.0002 * 0.5); // epoch 3 of 2 + 1 decay
}

TEST_F(TrainerTest, RefusesToOverwriteAnExistingRun) {
    {
        Trainer first(tiny("same"), source());
        RecordingObserver observer;
        TrainControl control;
        control.requestStop(); // stops before the first step and writes checkpoints/latest
        first.run(observer, control);
    }
    // (A run folder without any checkpoint may be started again: trainer_mixed_size_test.)
    try {
        Trainer second(tiny("same"), source());
        FAIL() << "a second run with the same name was accepted";
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("--continue_train"), std::string::npos);
    }
}

TEST_F(TrainerTest, ResumeIsBitIdenticalToOneRun) {
    const int total = 10; // crosses an epoch boundary and the pool fills up
    TrainOptions once = tiny("once");
    {
        Trainer trainer(once, source());
        RecordingObserver observer;
        TrainControl control;
        observer.stopAt = &control;
        observer.stopIteration = total;
        trainer.run(observer, control);
    }
    TrainOptions split = tiny("split");
    {
        Trainer trainer(split, source());
        RecordingObserver observer;
        TrainControl control;
        observer.stopAt = &control;
        observer.stopIteration = total / 2 + 1; // mid-epoch
        trainer.run(observer, control);
    }
    split.continueTrain = true;
    {
        Trainer trainer(split, source());
        EXPECT_EQ(trainer.iteration(), total / 2 + 1);
        RecordingObserver observer;
        TrainControl control;
        observer.stopAt = &control;
        observer.stopIteration = total;
        trainer.run(observer, control);
        EXPECT_EQ(observer.steps.front().iteration, total / 2 + 2);
    }
    for (auto d : {Direction::AToB, Direction::BToA}) {
        const auto a = flatWeights((m_dir / "once/checkpoints/latest").string(), d);
        const auto b = flatWeights((m_dir / "split/checkpoints/latest").string(), d);
        EXPECT_TRUE(torch::equal(a, b)) << "max diff " << (a - b).abs().max().item<double>();
    }
}

TEST_F(TrainerTest, ResumeWithOtherArchitectureIsRefused) {
    TrainOptions o = tiny("arch");
    o.nEpochs = 1;
    o.nEpochsDecay = 0;
    {
        Trainer trainer(o, source());
        RecordingObserver observer;
        TrainControl control;
        trainer.run(observer, control);
    }
    o.continueTrain = true;
    o.ngf = 8;
    try {
        Trainer trainer(o, source());
        FAIL();
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("ngf"), std::string::npos);
    }
    EXPECT_TRUE(fs::exists(m_dir / "arch/checkpoints/latest/manifest.json"));
}

TEST_F(TrainerTest, DamagedCheckpointIsReportedByName) {
    TrainOptions o = tiny("damaged");
    o.nEpochs = 1;
    o.nEpochsDecay = 0;
    {
        Trainer trainer(o, source());
        RecordingObserver observer;
        TrainControl control;
        trainer.run(observer, control);
    }
    // Every copy is damaged (latest, epoch_0001, .latest.prev): nothing to fall back to.
    for (const auto &entry : fs::directory_iterator(m_dir / "damaged/checkpoints")) {
        const fs::path file = entry.path() / "G_B.pt";
        fs::resize_file(file, fs::file_size(file) / 2);
    }
    o.continueTrain = true;
    try {
        Trainer trainer(o, source());
        FAIL();
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("G_B.pt"), std::string::npos);
    }
}

TEST_F(TrainerTest, CycleLossFallsOnATinyProblem) {
    TrainOptions o = tiny("converge");
    o.nEpochs = 15;
    o.nEpochsDecay = 0;
    o.lr = 0.002;
    o.displayFreq = 1000;
    o.saveEpochFreq = 100;
    Trainer trainer(o, std::make_unique<SyntheticSource>(32, 8));
    RecordingObserver observer;
    TrainControl control;
    trainer.run(observer, control);
    ASSERT_EQ(observer.steps.size(), 120u);
    auto mean = [&](size_t from, size_t to) {
        double s = 0;
        for (size_t i = from; i < to; ++i)
            s += observer.steps[i].losses.cycleA + observer.steps[i].losses.cycleB;
        return s / (to - from);
    };
    const double early = mean(0, 10), late = mean(110, 120);
    EXPECT_LT(late, 0.5 * early) << "cycle loss " << early << " -> " << late;
}

// heartbeat.json (RunFolder's format): "training" while the steps run, then the ending.
TEST_F(TrainerTest, KeepsAHeartbeatInTheRunFolder) {
    class Probe : public TrainingObserver {
    public:
        explicit Probe(RunFolder folder) : m_folder(std::move(folder)) {}
        void stepFinished(const StepReport &) override {
            const RunFolder::Status status = m_folder.status();
            alive = alive && status.state == RunFolder::RunState::Training &&
                    status.heartbeatAlive && status.lockHeld;
            ++steps;
        }
        bool alive = true;
        int steps = 0;

    private:
        RunFolder m_folder;
    };
    const RunFolder folder((m_dir / "beat").string());
    {
        Trainer trainer(tiny("beat"), source());
        Probe probe(folder);
        TrainControl control;
        trainer.run(probe, control);
        EXPECT_EQ(probe.steps, 12);
        EXPECT_TRUE(probe.alive) << "the heartbeat said something else than training";
    }
    auto beat = folder.readHeartbeat();
    ASSERT_TRUE(beat);
    EXPECT_EQ(beat->state, RunFolder::RunState::Finished);
    EXPECT_EQ(beat->iteration, 12);
    EXPECT_EQ(beat->epoch, 3);
    EXPECT_EQ(beat->totalEpochs, 3);
    EXPECT_EQ(beat->totalIterations, 12);
    EXPECT_EQ(folder.status().state, RunFolder::RunState::Finished);
    // Stopped on request: resumable.
    const RunFolder stopped((m_dir / "stopped").string());
    {
        Trainer trainer(tiny("stopped"), source());
        RecordingObserver observer;
        TrainControl control;
        observer.stopAt = &control;
        observer.stopIteration = 5;
        trainer.run(observer, control);
    }
    EXPECT_EQ(stopped.status().state, RunFolder::RunState::Stopped);
    EXPECT_EQ(stopped.readHeartbeat()->iteration, 5);
}

} // namespace
} // namespace cgs
