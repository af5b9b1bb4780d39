// Translating with a checkpoint that training is writing at that moment either works
// or is refused with a CheckpointError; it never crashes or reads a half-written file.
#include "core/engine/train/training_checkpoint.h"

#include "core/engine/error.h"
#include "core/engine/translate/translator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace cgs {
namespace {
namespace fs = std::filesystem;

TEST(CheckpointConcurrency, TranslatingWhileCheckpointsAreWrittenNeverSeesHalfFiles) {
    const fs::path run = fs::temp_directory_path() / ("cgs_ckpt_conc_" + std::to_string(::getpid()));
    fs::remove_all(run);
    TrainOptions o;
    o.dataroot = "synthetic";
    o.netG = "resnet_6blocks";
    o.ngf = 4;
    o.ndf = 4;
    torch::manual_seed(1);
    CycleGanModel model(o, torch::kCPU);
    model.initWeights();
    const std::string checkpoints = (run / "checkpoints").string();
    TrainingCounters counters;
    TrainingCheckpoint::save(checkpoints, "latest", model, counters);

    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int i = 0; i < 15; ++i) {
            counters.iteration = i + 1;
            TrainingCheckpoint::save(checkpoints, "latest", model, counters);
        }
        done = true;
    });
    int loaded = 0, refused = 0;
    Image input(20, 12, 3);
    TranslatorOptions t;
    t.model = run.string();
    t.device = "cpu";
    t.cpuThreads = 1;
    while (!done || loaded == 0) {
        try {
            Translator translator(t);
            const Image out = translator.translate(input);
            EXPECT_EQ(out.width, 20);
            EXPECT_EQ(out.height, 12);
            ++loaded;
        } catch (const CheckpointError &e) {
            ++refused; // e.g. caught between the two renames of a swap: a clear refusal
            EXPECT_NE(std::string(e.what()).find(run.string()), std::string::npos) << e.what();
        }
    }
    writer.join();
    EXPECT_GT(loaded, 0);
    std::cout << "loaded " << loaded << " times, refused " << refused << " times\n";
    fs::remove_all(run);
}

} // namespace
} // namespace cgs
