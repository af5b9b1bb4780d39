#include "core/engine/checkpoint/checkpoint_manifest.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

// Every field set to a value no default has, so that a field the writer or the reader drops
// shows up.
CheckpointState distinctState() {
    CheckpointState s;
    s.tag = "epoch_0007";
    s.counters.epoch = 8;
    s.counters.epochIteration = 13;
    s.counters.iteration = 1234567890123;
    s.counters.seed = 18446744073709551557ull; // above INT64_MAX: the unsigned path
    s.arch.ngf = 17;
    s.arch.nBlocks = 6;
    s.arch.inputNc = 1;
    s.arch.outputNc = 4;
    s.arch.ndf = 23;
    s.arch.nLayersD = 5;
    s.studioVersion = "9.8.7";
    s.torchVersion = "2.3.4";
    return s;
}

TEST(CheckpointManifest, StateRoundTripKeepsEveryField) {
    const CheckpointState written = distinctState();
    const CheckpointState read = parseCheckpointState(checkpointStateJson(written), "dir/x");
    EXPECT_EQ(read.tag, written.tag);
    EXPECT_EQ(read.counters.epoch, written.counters.epoch);
    EXPECT_EQ(read.counters.epochIteration, written.counters.epochIteration);
    EXPECT_EQ(read.counters.iteration, written.counters.iteration);
    EXPECT_EQ(read.counters.seed, written.counters.seed);
    EXPECT_EQ(read.arch, written.arch);
    EXPECT_EQ(read.studioVersion, written.studioVersion);
    EXPECT_EQ(read.torchVersion, written.torchVersion);
    EXPECT_EQ(read.epochsCompleted(), 7);
}

TEST(CheckpointManifest, GeneratorOnlyStateHasNoDiscriminatorAndZeroEpochs) {
    CheckpointState written = distinctState();
    written.arch.ndf = 0;
    written.arch.nLayersD = 0;
    written.counters.epoch = 0;
    const std::string text = checkpointStateJson(written);
    EXPECT_EQ(text.find("ndf"), std::string::npos) << text;
    const CheckpointState read = parseCheckpointState(text, "dir/x");
    EXPECT_EQ(read.arch, written.arch);
    EXPECT_EQ(read.epochsCompleted(), 0);
}

TEST(CheckpointManifest, OlderGeneratorOnlyStateWithoutSeedOrTagReads) {
    // As `cyclegan convert` wrote it before the one writer: no seed, no epochs_completed.
    const CheckpointState read = parseCheckpointState(
        R"({"format": "cyclegan-studio-checkpoint", "format_version": 1, "epoch": 0,
            "epoch_iteration": 0, "iteration": 0,
            "arch": {"netG": "resnet", "ngf": 8, "n_blocks": 6, "input_nc": 3, "output_nc": 3}})",
        "models/monet/");
    EXPECT_EQ(read.counters.seed, 0u);
    EXPECT_EQ(read.tag, "monet");
    EXPECT_EQ(read.arch.ngf, 8);
    EXPECT_EQ(read.arch.ndf, 0);
}

TEST(CheckpointManifest, StateErrorsNameTheFileAndTheField) {
    try {
        parseCheckpointState(R"({"format": "cyclegan-studio-checkpoint", "format_version": 1,
            "epoch": 1, "epoch_iteration": 0, "iteration": 0, "arch": {"ngf": "wide"}})",
                             "runs/r/checkpoints/latest");
        FAIL() << "expected a CheckpointError";
    } catch (const CheckpointError &e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("runs/r/checkpoints/latest/state.json"), std::string::npos) << m;
        EXPECT_NE(m.find("ngf"), std::string::npos) << m;
    }
    EXPECT_THROW(parseCheckpointState("{}", "d"), CheckpointError);
    EXPECT_THROW(parseCheckpointState("[1]", "d"), CheckpointError);
}

TEST(CheckpointManifest, ManifestRoundTripKeepsEveryEntry) {
    const std::vector<ManifestEntry> written = {
        {"G_A.pt", 12345678901ull, "0123456789abcdef"}, {"state.json", 0, "fedcba9876543210"}};
    const auto read = parseManifest(manifestJson(written), "dir");
    ASSERT_EQ(read.size(), written.size());
    for (std::size_t i = 0; i < read.size(); ++i) { // the writer sorts by name, as written here
        EXPECT_EQ(read[i].name, written[i].name);
        EXPECT_EQ(read[i].size, written[i].size);
        EXPECT_EQ(read[i].checksum, written[i].checksum);
    }
}

} // namespace
} // namespace cgs
