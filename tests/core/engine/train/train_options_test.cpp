#include "core/engine/train/train_options.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

TrainOptions valid() {
    TrainOptions o;
    o.dataroot = "/data/horse2zebra";
    return o;
}

std::string messageOf(const TrainOptions &o) {
    try {
        o.validate();
    } catch (const ConfigError &e) {
        return e.what();
    }
    return "";
}

TEST(TrainOptions, DefaultsAreTheOfficialOnes) {
    const TrainOptions o;
    EXPECT_EQ(o.loadSize, 286);
    EXPECT_EQ(o.cropSize, 256);
    EXPECT_EQ(o.netG, "resnet_9blocks");
    EXPECT_DOUBLE_EQ(o.lr, 0.0002);
    EXPECT_DOUBLE_EQ(o.beta1, 0.5);
    EXPECT_DOUBLE_EQ(o.lambdaA, 10.0);
    EXPECT_DOUBLE_EQ(o.lambdaIdentity, 0.5);
    EXPECT_EQ(o.poolSize, 50);
    EXPECT_EQ(o.nEpochs + o.nEpochsDecay, 200);
    EXPECT_EQ(o.ganMode, GanMode::LSGAN);
}

TEST(TrainOptions, JsonRoundTripKeepsEveryOption) {
    TrainOptions o = valid();
    o.name = "monet";
    o.netG = "resnet_6blocks";
    o.preprocess = Preprocess::ScaleWidthAndCrop;
    o.ganMode = GanMode::Vanilla;
    o.lambdaIdentity = 0.0;
    o.seed = 1234;
    o.maxDatasetSize = 77;
    const TrainOptions back = trainOptionsFromJson(toJson(o));
    EXPECT_EQ(toJson(back), toJson(o));
    EXPECT_EQ(back.netG, "resnet_6blocks");
    EXPECT_EQ(back.preprocess, Preprocess::ScaleWidthAndCrop);
    EXPECT_EQ(back.seed, 1234);
}

TEST(TrainOptions, JsonRecordsTheWritingVersions) {
    const std::string json = toJson(valid());
    EXPECT_NE(json.find("\"libtorch\""), std::string::npos);
    EXPECT_NE(json.find("\"cyclegan_studio\""), std::string::npos);
}

TEST(TrainOptions, UnknownJsonKeyIsNamed) {
    try {
        trainOptionsFromJson(R"({"options": {"dataroot": "x", "lamda_A": 3}})");
        FAIL();
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("lamda_A"), std::string::npos);
    }
}

TEST(TrainOptions, WrongJsonTypeIsNamed) {
    try {
        trainOptionsFromJson(R"({"options": {"dataroot": "x", "ngf": "many"}})");
        FAIL();
    } catch (const ConfigError &e) {
        EXPECT_NE(std::string(e.what()).find("ngf"), std::string::npos);
    }
}

// Found by fuzz_train_config: nlohmann's get<int>() cast 9.2e22 (undefined behaviour) and
// wrapped 4294967297 to 1; integers outside their option's type and fractions are refused.
TEST(TrainOptions, OutOfRangeOrFractionalIntegerIsNamed) {
    const auto error = [](const std::string &json) {
        try {
            trainOptionsFromJson(json);
        } catch (const ConfigError &e) {
            return std::string(e.what());
        }
        return std::string("no ConfigError");
    };
    EXPECT_EQ(error(R"({"options": {"ngf": 9.22337e+22}})"),
              "config.json: option \"ngf\" must be an integer from -2147483648 to 2147483647 "
              "(got 9.22337e+22)");
    EXPECT_EQ(error(R"({"options": {"batch_size": 4294967297}})"),
              "config.json: option \"batch_size\" must be an integer from -2147483648 to "
              "2147483647 (got 4294967297)");
    EXPECT_EQ(error(R"({"options": {"n_epochs": 2.5}})"),
              "config.json: option \"n_epochs\" must be an integer from -2147483648 to "
              "2147483647 (got 2.5)");
    EXPECT_EQ(error(R"({"options": {"seed": 18446744073709551615}})"),
              "config.json: option \"seed\" must be an integer from -9223372036854775808 to "
              "9223372036854775807 (got 18446744073709551615)");
    const TrainOptions ok = trainOptionsFromJson(
        R"({"options": {"dataroot": "x", "seed": 9223372036854775807, "max_dataset_size": -1}})");
    EXPECT_EQ(ok.seed, 9223372036854775807LL);
    EXPECT_EQ(ok.maxDatasetSize, -1);
}

TEST(TrainOptions, ValidationNamesTheOption) {
    TrainOptions o = valid();
    o.cropSize = 300;
    EXPECT_NE(messageOf(o).find("--load_size"), std::string::npos);
    o = valid();
    o.netG = "unet_256";
    EXPECT_NE(messageOf(o).find("--netG 'unet_256'"), std::string::npos);
    o = valid();
    o.dataroot.clear();
    EXPECT_NE(messageOf(o).find("--dataroot"), std::string::npos);
    o = valid();
    o.batchSize = 0;
    EXPECT_NE(messageOf(o).find("--batch_size"), std::string::npos);
    o = valid();
    o.name = "../elsewhere";
    EXPECT_NE(messageOf(o).find("--name"), std::string::npos);
    EXPECT_EQ(messageOf(valid()), "");
}

TEST(TrainOptions, PreprocessNamesRoundTrip) {
    for (auto p : {Preprocess::ResizeAndCrop, Preprocess::Crop, Preprocess::ScaleWidth,
                   Preprocess::ScaleWidthAndCrop, Preprocess::None})
        EXPECT_EQ(preprocessFromString(toString(p)), p);
    EXPECT_THROW(preprocessFromString("zoom"), ConfigError);
}

// The field report: --load_size 16 --crop_size 16 was accepted and the first step died in
// LibTorch. The smallest crop comes from the networks, with the value to use.
TEST(TrainOptions, CropBelowTheNetworksMinimumIsRefusedWithTheValueToUse) {
    TrainOptions o = valid();
    o.loadSize = 16;
    o.cropSize = 16;
    const std::string message = messageOf(o);
    EXPECT_NE(message.find("--crop_size 16 is too small"), std::string::npos) << message;
    EXPECT_NE(message.find("Use --crop_size 24 or more"), std::string::npos) << message;
    o.cropSize = 20; // one step below the boundary
    EXPECT_NE(messageOf(o).find("Use --crop_size 24"), std::string::npos);
    o.loadSize = o.cropSize = 24; // the boundary
    EXPECT_EQ(messageOf(o), "");
    // Deeper discriminators need more: n_layers_D 5 halves five times.
    o.netD = "n_layers";
    o.nLayersD = 5;
    EXPECT_NE(messageOf(o).find("--netD n_layers (5 layers)"), std::string::npos) << messageOf(o);
    o.netD = "n_layers";
    o.nLayersD = 1;
    o.loadSize = o.cropSize = 8;
    EXPECT_EQ(messageOf(o), ""); // one layer: the generator's 8 is the limit
}

TEST(TrainOptions, LoadAndCropAreCheckedPerPreprocessMode) {
    TrainOptions o = valid();
    o.preprocess = Preprocess::Crop; // load_size unused
    o.loadSize = 16;
    o.cropSize = 64;
    EXPECT_EQ(messageOf(o), "");
    o.preprocess = Preprocess::ScaleWidthAndCrop; // crops the scaled image
    EXPECT_NE(messageOf(o).find("--load_size (16) must be >= --crop_size (64)"), std::string::npos);
    o.preprocess = Preprocess::ScaleWidth; // load_size is the width the networks see
    o.loadSize = 286;
    EXPECT_NE(messageOf(o).find("--load_size must be a multiple of 4"), std::string::npos);
    o.loadSize = 20;
    EXPECT_NE(messageOf(o).find("Use --load_size 24"), std::string::npos) << messageOf(o);
    o.loadSize = 24;
    o.cropSize = 7; // only the smallest height here
    EXPECT_EQ(messageOf(o), "");
    o.preprocess = Preprocess::None; // neither is used
    o.loadSize = 3;
    o.cropSize = 5;
    EXPECT_EQ(messageOf(o), "");
}

TEST(TrainOptions, OtherCombinationsThatCannotRunAreRefused) {
    TrainOptions o = valid();
    o.inputNc = 1; // identity loss compares G_A(b) with b: channels must agree
    EXPECT_NE(messageOf(o).find("--lambda_identity 0.5 needs --input_nc (1) = --output_nc (3)"),
              std::string::npos)
        << messageOf(o);
    o = valid();
    o.nEpochs = 3;
    o.nEpochsDecay = 2;
    o.epochCount = 6;
    EXPECT_NE(messageOf(o).find("--epoch_count 6 is after the last epoch"), std::string::npos);
    o.epochCount = 5;
    EXPECT_EQ(messageOf(o), "");
}

} // namespace
} // namespace cgs
