#include "core/engine/translate/frame_sequence.h"
#include "tests/core/engine/engine_test_support.h"

#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/translate/translator.h"

#include <gtest/gtest.h>

namespace cgs {
namespace {

// A smooth synthetic "photo" (low-frequency noise) and a slowly panning crop of it.
class FrameSequenceTest : public test::TempDirTest {
protected:
    FrameSequenceTest() : TempDirTest("frame_sequence") {}

    Translator &translator(std::int64_t maxTilePixels = 0) {
        torch::manual_seed(11);
        ResnetGenerator net(ResnetGeneratorOptions(3, 3).ngf(4).n_blocks(2));
        saveGeneratorCheckpoint((m_dir / "ckpt").string(), net);
        TranslatorOptions o;
        o.model = (m_dir / "ckpt").string();
        o.device = "cpu";
        o.cpuThreads = 1;
        o.maxTilePixels = maxTilePixels;
        m_translator = std::make_unique<Translator>(o);
        return *m_translator;
    }

    static Image photoCrop(int seed, int x, int w = 68, int h = 52) {
        torch::manual_seed(seed);
        const auto photo =
            torch::upsample_bilinear2d(torch::rand({1, 3, 6, 10}) * 2 - 1, {h, 160}, false);
        return tensorToImage(photo.slice(3, x, x + w).contiguous());
    }

    static double meanAbsDiff(const Image &a, const Image &b) {
        double sum = 0;
        for (std::size_t i = 0; i < a.data.size(); ++i)
            sum += std::abs(int(a.data[i]) - int(b.data[i]));
        return sum / static_cast<double>(a.data.size());
    }

    // Mean |a(x, y) - b(x + shift, y)| over the columns both frames see, away from the borders
    // (whose context changes as the crop moves): the frame-to-frame change that is not the pan.
    static double alignedDiff(const Image &a, const Image &b, int shift, int margin = 8) {
        double sum = 0;
        std::size_t n = 0;
        for (int y = margin; y < a.height - margin; ++y)
            for (int x = margin; x + shift < a.width - margin; ++x)
                for (int c = 0; c < a.channels; ++c, ++n)
                    sum += std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x + shift, y)[c]));
        return sum / static_cast<double>(n);
    }

    std::unique_ptr<Translator> m_translator;
};

TEST_F(FrameSequenceTest, SmoothingOffEqualsSingleImageTranslation) {
    Translator &t = translator();
    FrameSequence sequence;
    for (int i = 0; i < 4; ++i) {
        const Image frame = photoCrop(1, 3 * i);
        EXPECT_EQ(t.translateFrame(frame, sequence).data, t.translate(frame).data) << i;
    }
    EXPECT_EQ(sequence.frames(), 4);
    EXPECT_EQ(sequence.sceneCuts(), 0);
}

TEST_F(FrameSequenceTest, SmoothingLowersConsecutiveDifferencesOnAPan) {
    Translator &t = translator();
    FrameSequence off, on({0.9});
    double diffOff = 0, diffOn = 0, alignedOff = 0, alignedOn = 0;
    Image lastOff, lastOn;
    for (int i = 0; i < 12; ++i) {
        const Image frame = photoCrop(2, 4 * i);
        const Image a = t.translateFrame(frame, off), b = t.translateFrame(frame, on);
        if (i > 0) {
            diffOff += meanAbsDiff(a, lastOff);
            diffOn += meanAbsDiff(b, lastOn);
            alignedOff += alignedDiff(a, lastOff, 4);
            alignedOn += alignedDiff(b, lastOn, 4);
        }
        lastOff = a;
        lastOn = b;
    }
    EXPECT_EQ(on.sceneCuts(), 1) << "only the first frame starts a shot";
    // The plain difference of consecutive frames is mostly the pan itself (content moving by 4
    // pixels), which smoothing rightly keeps; aligned by the pan, what is left is flicker.
    EXPECT_LT(alignedOn, 0.9 * alignedOff);
    EXPECT_NEAR(diffOn, diffOff, 0.1 * diffOff);
}

TEST_F(FrameSequenceTest, FirstFrameAfterAHardCutEqualsItsOwnTranslation) {
    Translator &t = translator();
    FrameSequence sequence({0.9});
    for (int i = 0; i < 6; ++i)
        t.translateFrame(photoCrop(3, 2 * i), sequence);
    const Image cut = photoCrop(4, 0);
    const Image out = t.translateFrame(cut, sequence);
    EXPECT_TRUE(sequence.lastFrameWasCut());
    EXPECT_EQ(sequence.sceneCuts(), 2);
    EXPECT_EQ(out.data, t.translate(cut).data);
    // The next frame of the new shot is smoothed again: it differs from its own translation.
    const Image next = photoCrop(4, 2);
    EXPECT_NE(t.translateFrame(next, sequence).data, t.translate(next).data);
    EXPECT_FALSE(sequence.lastFrameWasCut());
}

TEST_F(FrameSequenceTest, TiledFramesKeepStatisticsPerTile) {
    Translator &t = translator(32 * 32);
    FrameSequence sequence({0.8});
    const Image first = photoCrop(5, 0, 100, 60);
    EXPECT_EQ(t.translateFrame(first, sequence).data, t.translate(first).data);
    const Image second = photoCrop(5, 2, 100, 60);
    const Image out = t.translateFrame(second, sequence);
    EXPECT_EQ(out.width, 100);
    EXPECT_EQ(out.height, 60);
    EXPECT_NE(out.data, t.translate(second).data);
}

TEST_F(FrameSequenceTest, RefusesSmoothingOutsideZeroToOne) {
    for (double bad : {-0.1, 1.0, 2.0}) {
        try {
            FrameSequence sequence({bad});
            ADD_FAILURE() << bad;
        } catch (const ConfigError &e) {
            EXPECT_NE(std::string(e.what()).find("--temporal_smoothing"), std::string::npos);
        }
    }
}

} // namespace
} // namespace cgs
