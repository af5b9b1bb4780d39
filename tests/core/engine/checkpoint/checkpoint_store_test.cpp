#include "core/engine/checkpoint/checkpoint_store.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/checkpoint/model_location.h"
#include "core/engine/error.h"
#include "core/engine/official/official_run_folder.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace cgs {
namespace {
namespace fs = std::filesystem;

class CheckpointStoreTest : public test::TempDirTest {
protected:
    CheckpointStoreTest() : TempDirTest("checkpoint_store") {}

    // A one-generator checkpoint folder (as `cyclegan convert` writes it) of a tiny generator.
    std::string generatorCheckpoint(const fs::path &dir, int ngf = 4) {
        ResnetGenerator g(ResnetGeneratorOptions(3, 3).ngf(ngf).n_blocks(6));
        saveGeneratorCheckpoint(dir.string(), g);
        return dir.string();
    }
    void touch(const fs::path &file) {
        fs::create_directories(file.parent_path());
        std::ofstream(file) << "x";
    }
};

TEST_F(CheckpointStoreTest, GeneratorCheckpointRoundTrip) {
    const std::string dir = generatorCheckpoint(m_dir / "model", 8);
    const CheckpointInfo info = readCheckpointInfo(dir);
    EXPECT_EQ(info.path, dir);
    EXPECT_EQ(info.tag, "model");
    EXPECT_EQ(info.epoch, 0);
    EXPECT_EQ(info.arch.ngf, 8);
    EXPECT_EQ(info.arch.nBlocks, 6);
    EXPECT_EQ(info.arch.ndf, 0); // no discriminators in it
    const ResnetGenerator g = loadCheckpointGenerator(dir, Direction::AToB, torch::kCPU);
    EXPECT_EQ(g->options().ngf(), 8);
    EXPECT_THROW(loadCheckpointGenerator(dir, Direction::BToA, torch::kCPU), CheckpointError);
}

TEST_F(CheckpointStoreTest, ListsTheIntactCheckpointsOfARunByIteration) {
    const fs::path root = runCheckpointsDir((m_dir / "run").string());
    generatorCheckpoint(root / "latest");
    generatorCheckpoint(root / "epoch_0001");
    fs::create_directories(root / "damaged");
    std::ofstream(root / "damaged" / kStateFile) << "{ torn";
    generatorCheckpoint(root / ".latest.prev"); // hidden: a fallback copy, not a checkpoint
    const auto list = listCheckpoints((m_dir / "run").string());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].tag, "epoch_0001"); // same iteration: by tag
    EXPECT_EQ(list[1].tag, "latest");
    EXPECT_THROW(listCheckpoints(m_dir.string()), CheckpointError);
}

TEST_F(CheckpointStoreTest, ReadingAFolderWithoutStateNamesIt) {
    fs::create_directories(m_dir / "plain");
    try {
        readCheckpointInfo((m_dir / "plain").string());
        FAIL();
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find((m_dir / "plain").string()), std::string::npos);
    }
}

TEST_F(CheckpointStoreTest, LocateModelClassifiesEveryKind) {
    const fs::path run = m_dir / "run";
    const std::string checkpoint = generatorCheckpoint(runCheckpointsDir(run.string()) + "/latest");
    touch(m_dir / "official_run" / "5_net_G_A.pth");
    touch(m_dir / "official_run" / "latest_net_G_B.pth");
    touch(m_dir / "official_model" / "latest_net_G.pth");
    touch(m_dir / "style.pth");
    fs::create_directories(m_dir / "photos");

    const ModelLocation r = locateModel(run.string());
    EXPECT_EQ(r.kind, ModelKind::Run);
    EXPECT_EQ(r.tags, std::vector<std::string>{"latest"});
    EXPECT_TRUE(r.hasTags());
    EXPECT_EQ(locateModel(checkpoint).kind, ModelKind::CheckpointFolder);
    const ModelLocation file = locateModel(checkpoint + "/" + kGeneratorAFile);
    EXPECT_EQ(file.kind, ModelKind::CheckpointFile);
    EXPECT_EQ(file.fileDirection, Direction::AToB);
    const ModelLocation official = locateModel((m_dir / "official_run").string());
    EXPECT_EQ(official.kind, ModelKind::OfficialRun);
    EXPECT_EQ(official.tags, (std::vector<std::string>{"5", "latest"}));
    EXPECT_EQ(locateModel((m_dir / "official_model").string()).kind, ModelKind::OfficialModel);
    EXPECT_EQ(locateModel((m_dir / "style.pth").string()).kind, ModelKind::OfficialFile);
    EXPECT_EQ(locateModel((m_dir / "photos").string()).kind, ModelKind::Unknown);
    EXPECT_EQ(locateModel((m_dir / "nothing").string()).kind, ModelKind::Missing);
    EXPECT_EQ(locateModel("").kind, ModelKind::Missing);
}

TEST_F(CheckpointStoreTest, ResolveNamesTheTagsARunHas) {
    const fs::path run = m_dir / "run";
    generatorCheckpoint(runCheckpointsDir(run.string()) + "/epoch_0005");
    EXPECT_EQ(resolveCheckpointFolder(run.string(), "epoch_0005"),
              runCheckpointsDir(run.string()) + "/epoch_0005");
    try {
        resolveCheckpointFolder(run.string(), "");
        FAIL();
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("no checkpoint 'latest' (it has: epoch_0005)"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(resolveCheckpointFolder((m_dir / "none").string(), ""), CheckpointError);
}

TEST_F(CheckpointStoreTest, ModelStampChangesWhenTheWeightsAreRewritten) {
    const fs::path run = m_dir / "run";
    const std::string latest = runCheckpointsDir(run.string()) + "/latest";
    generatorCheckpoint(latest);
    const std::string before = modelStamp(run.string(), "latest", Direction::AToB);
    EXPECT_FALSE(before.empty());
    EXPECT_EQ(modelStamp(run.string(), "latest", Direction::AToB), before); // stable
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    generatorCheckpoint(latest, 8); // a training rewrote latest
    EXPECT_NE(modelStamp(run.string(), "latest", Direction::AToB), before);

    touch(m_dir / "official" / "3_net_G_A.pth");
    EXPECT_FALSE(modelStamp((m_dir / "official").string(), "3", Direction::AToB).empty());
    EXPECT_TRUE(modelStamp((m_dir / "official").string(), "9", Direction::AToB).empty());
    EXPECT_TRUE(modelStamp((m_dir / "nothing").string(), "", Direction::AToB).empty());
}

TEST_F(CheckpointStoreTest, OfficialEpochTagsAndWeightFiles) {
    EXPECT_EQ(officialEpochTag(""), "latest");
    EXPECT_EQ(officialEpochTag("epoch_0005"), "5");
    EXPECT_EQ(officialEpochTag("epoch_0000"), "0");
    EXPECT_EQ(officialEpochTag("best"), "best");
    touch(m_dir / "o" / "10_net_G.pth");
    touch(m_dir / "o" / "2_net_G.pth");
    EXPECT_EQ(listOfficialEpochs((m_dir / "o").string()), (std::vector<std::string>{"2", "10"}));
    EXPECT_FALSE(holdsOfficialPair((m_dir / "o").string()));
    EXPECT_EQ(officialWeightFile((m_dir / "o").string(), "epoch_0002", {"G_A", "G"}),
              (m_dir / "o" / "2_net_G.pth").string());
    try {
        officialWeightFile((m_dir / "o").string(), "7", {"G_A"});
        FAIL();
    } catch (const CheckpointError &e) {
        EXPECT_NE(std::string(e.what()).find("7_net_G_A.pth (it has epochs: 2, 10)"),
                  std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace cgs

namespace cgs {
namespace {

class CheckpointVerifyTest : public test::TempDirTest {
protected:
    CheckpointVerifyTest() : TempDirTest("checkpoint_verify") {}
    // A model folder of both generators (as `cyclegan convert --both` writes it).
    std::string model(const fs::path &dir) {
        ResnetGenerator a(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(6));
        ResnetGenerator b(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(6));
        saveModelFolder(dir.string(), a, b);
        return dir.string();
    }
    static void flipMiddleByte(const fs::path &file) {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(static_cast<std::streamoff>(fs::file_size(file) / 2));
        const char c = static_cast<char>(f.get());
        f.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
        f.put(static_cast<char>(c ^ 0x01));
    }
    template <class F> static std::string messageOf(F &&f) {
        try {
            f();
        } catch (const DamagedCheckpointError &e) {
            return e.what();
        }
        return "(no DamagedCheckpointError)";
    }
};

TEST_F(CheckpointVerifyTest, GeneratorFoldersHaveAManifestThatLoadingChecks) {
    const std::string dir = model(m_dir / "m");
    EXPECT_TRUE(fs::exists(fs::path(dir) / kManifestFile));
    EXPECT_NO_THROW(verifyCheckpointFiles(dir, {kGeneratorAFile}));
    flipMiddleByte(fs::path(dir) / kGeneratorAFile); // one bit: same size, other weights
    const std::string message =
        messageOf([&] { loadCheckpointGenerator(dir, Direction::AToB, torch::kCPU); });
    EXPECT_NE(message.find("Checkpoint file '" + dir + "/G_A.pt' is damaged: its checksum"),
              std::string::npos)
        << message;
}

TEST_F(CheckpointVerifyTest, ATruncatedFileGetsOurMessageWithOrWithoutAManifest) {
    const std::string dir = model(m_dir / "m");
    const fs::path file = fs::path(dir) / kGeneratorAFile;
    fs::resize_file(file, fs::file_size(file) - 100);
    EXPECT_NE(messageOf([&] { loadCheckpointGenerator(dir, Direction::AToB, torch::kCPU); })
                  .find("(truncated?)"),
              std::string::npos);
    // A model folder of an earlier build has no manifest: LibTorch's "failed finding central
    // directory" becomes a damaged-checkpoint message naming the file.
    fs::remove(fs::path(dir) / kManifestFile);
    const std::string message =
        messageOf([&] { loadCheckpointGenerator(dir, Direction::AToB, torch::kCPU); });
    EXPECT_EQ(message.rfind("Checkpoint file '" + file.string() + "' is damaged or truncated", 0),
              0u)
        << message;
}

TEST_F(CheckpointVerifyTest, ATrainingCheckpointWithoutManifestIsDamaged) {
    const std::string dir = model(m_dir / "m");
    fs::remove(fs::path(dir) / kManifestFile);
    EXPECT_NO_THROW(verifyCheckpointFiles(dir, {kGeneratorAFile})); // generator-only: legacy
    // Discriminators in state.json make it a training checkpoint, whose manifest is written
    // last: without one, the save did not finish.
    CheckpointState state = readCheckpointState(dir);
    state.arch.ndf = 4;
    state.arch.nLayersD = 3;
    std::ofstream(fs::path(dir) / kStateFile) << checkpointStateJson(state);
    EXPECT_THROW(verifyCheckpointFiles(dir, {kGeneratorAFile}), DamagedCheckpointError);
}

TEST_F(CheckpointVerifyTest, ARunFallsBackToItsNewestIntactCheckpoint) {
    const std::string root = runCheckpointsDir((m_dir / "run").string());
    model(fs::path(root) / "epoch_0001");
    model(fs::path(root) / "latest");
    flipMiddleByte(fs::path(root) / "latest" / kGeneratorBFile);
    std::vector<std::string> skipped;
    // G_A of latest is intact: it is the one to read for A->B.
    EXPECT_EQ(locateIntactCheckpoint(root, "latest", {kGeneratorAFile}, skipped),
              root + "/latest");
    EXPECT_TRUE(skipped.empty());
    EXPECT_EQ(locateIntactCheckpoint(root, "latest", {kGeneratorBFile}, skipped),
              root + "/epoch_0001");
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find(root + "/latest/G_B.pt' is damaged"), std::string::npos);
    // An epoch tag has no other copy to fall back to.
    flipMiddleByte(fs::path(root) / "epoch_0001" / kGeneratorBFile);
    skipped.clear();
    EXPECT_THROW(locateIntactCheckpoint(root, "epoch_0001", {kGeneratorBFile}, skipped),
                 DamagedCheckpointError);
}

} // namespace
} // namespace cgs
