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

} // namespace
} // namespace cgs
