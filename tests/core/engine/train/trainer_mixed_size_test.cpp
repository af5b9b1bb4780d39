// Training on a dataset of several image sizes, as --preprocess none gives: the
// step, the pools, the checkpoints and an exact resume.
#include "core/engine/train/trainer.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"

#include <gtest/gtest.h>

#include <fstream>

#include <torch/torch.h>

namespace cgs {
namespace {
namespace fs = std::filesystem;

// A: 40x40 and 48x48 images; B: 48x36 and 40x40. Contents depend on (seed, epoch, index).
class MixedSizeSource : public UnpairedSource {
public:
    std::int64_t size() const override { return 3; }
    std::int64_t sizeA() const override { return 3; }
    std::int64_t sizeB() const override { return 3; }
    void setSeed(std::uint64_t seed) override { m_seed = seed; }
    TrainingPair pair(int epoch, std::int64_t index) override {
        const auto key = m_seed * 1000 + static_cast<std::uint64_t>(epoch) * 10 +
                         static_cast<std::uint64_t>(index);
        return {make(index % 2 ? 48 : 40, index % 2 ? 48 : 40, key),
                make(index % 2 ? 40 : 48, index % 2 ? 40 : 36, key + 7), "a", "b"};
    }
    TrainingPair previewPair(int k) override { return pair(1, k); }

private:
    static Image make(int width, int height, std::uint64_t key) {
        Image image(width, height, 3);
        for (std::size_t i = 0; i < image.data.size(); ++i)
            image.data[i] = static_cast<std::uint8_t>((i * 31 + key * 17) % 251);
        return image;
    }
    std::uint64_t m_seed = 0;
};

class StopAt : public TrainingObserver {
public:
    TrainControl *control = nullptr;
    std::int64_t iteration = -1;
    std::vector<std::pair<int, int>> previewSizes; // fake_B sizes seen in previews
    void stepFinished(const StepReport &r) override {
        if (control && r.iteration == iteration)
            control->requestStop();
    }
    void previewReady(const PreviewReport &r) override {
        for (const auto &[name, image] : r.images)
            if (name == "fake_A")
                previewSizes.emplace_back(image.width, image.height);
    }
};

class TrainerMixedSize : public test::TempDirTest {
protected:
    TrainerMixedSize() : TempDirTest("mixed") {}
    TrainOptions options(const std::string &name) const {
        TrainOptions o = test::tinySyntheticOptions(m_dir.string(), name);
        o.preprocess = Preprocess::None;
        o.nEpochs = 2;
        o.nEpochsDecay = 0;
        o.poolSize = 2;
        o.saveEpochFreq = 1;
        o.displayFreq = 1;
        return o;
    }
    torch::Tensor weights(const std::string &name, Direction d) const {
        auto g = loadCheckpointGenerator((m_dir / name / "checkpoints/latest").string(), d,
                                         torch::kCPU);
        std::vector<torch::Tensor> all;
        for (const auto &p : g->parameters())
            all.push_back(p.detach().flatten());
        return torch::cat(all);
    }
};

TEST_F(TrainerMixedSize, TrainsCheckpointsAndResumesBitExactly) {
    {
        Trainer trainer(options("whole"), std::make_unique<MixedSizeSource>());
        StopAt observer;
        TrainControl control;
        EXPECT_TRUE(trainer.run(observer, control).finished);
        ASSERT_FALSE(observer.previewSizes.empty());
        // B images are 48x36 or 40x40; their translations keep that size.
        for (const auto &[w, h] : observer.previewSizes)
            EXPECT_TRUE((w == 48 && h == 36) || (w == 40 && h == 40)) << w << "x" << h;
    }
    {
        Trainer trainer(options("resumed"), std::make_unique<MixedSizeSource>());
        StopAt observer;
        TrainControl control;
        observer.control = &control;
        observer.iteration = 4; // inside epoch 2: the pools hold fakes of both sizes
        EXPECT_FALSE(trainer.run(observer, control).finished);
    }
    // The stop checkpoint holds the pools image by image (they differ in size).
    torch::serialize::InputArchive archive;
    archive.load_from((m_dir / "resumed/checkpoints/latest/state.pt").string());
    torch::Tensor count;
    ASSERT_TRUE(archive.try_read("pool_A_count", count));
    EXPECT_EQ(count.item<std::int64_t>(), 2);
    {
        TrainOptions o = options("resumed");
        o.continueTrain = true;
        Trainer trainer(o, std::make_unique<MixedSizeSource>());
        EXPECT_EQ(trainer.iteration(), 4);
        StopAt observer;
        TrainControl control;
        EXPECT_TRUE(trainer.run(observer, control).finished);
    }
    for (Direction d : {Direction::AToB, Direction::BToA})
        EXPECT_TRUE(torch::equal(weights("whole", d), weights("resumed", d)));
}

TEST_F(TrainerMixedSize, ARunFolderWithoutACheckpointCanBeStartedAgain) {
    // What a start that failed in its first step leaves: config.json, an empty checkpoints/,
    // a loss_log.csv with a header.
    const fs::path run = m_dir / "again";
    fs::create_directories(run / "checkpoints");
    fs::create_directories(run / "previews");
    std::ofstream(run / "config.json") << "{}";
    std::ofstream(run / "loss_log.csv") << "iteration\n";
    TrainOptions resume = options("again");
    resume.continueTrain = true;
    try {
        Trainer trainer(resume, std::make_unique<MixedSizeSource>());
        FAIL() << "continued a run without a checkpoint";
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("without --continue_train"), std::string::npos)
            << e.what();
    }
    TrainOptions o = options("again");
    o.nEpochs = 1;
    Trainer trainer(o, std::make_unique<MixedSizeSource>());
    StopAt observer;
    TrainControl control;
    EXPECT_TRUE(trainer.run(observer, control).finished);
    EXPECT_TRUE(fs::exists(run / "checkpoints/latest/manifest.json"));
    // Once it holds a checkpoint, it is a run again: a new start is refused.
    EXPECT_THROW({ Trainer refused(o, std::make_unique<MixedSizeSource>()); }, ConfigError);
}

} // namespace
} // namespace cgs
