#include "core/engine/translate/generator_runner.h"

#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace cgs {
namespace {

std::string fixture(const std::string &name) {
    const char *root = std::getenv("CGS_SOURCE_DIR");
    return std::string(root ? root : ".") + "/tests/fixtures/official/" + name;
}

torch::Tensor readRaw(const std::string &name, const std::vector<int64_t> &shape) {
    std::ifstream in(fixture(name), std::ios::binary);
    torch::Tensor t = torch::empty(shape, torch::kFloat32);
    in.read(static_cast<char *>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
    EXPECT_EQ(in.gcount(), static_cast<std::streamsize>(t.nbytes())) << name;
    return t;
}

ResnetGenerator tinyGenerator(int64_t ngf = 4, int64_t blocks = 2) {
    torch::manual_seed(7);
    ResnetGenerator net(ResnetGeneratorOptions(3, 3).ngf(ngf).n_blocks(blocks));
    net->eval();
    return net;
}

// A smooth picture with edges: gradients, a disc and stripes, in [-1, 1].
torch::Tensor testPicture(int64_t h, int64_t w) {
    const auto y = torch::linspace(-1, 1, h).view({h, 1}).expand({h, w});
    const auto x = torch::linspace(-1, 1, w).view({1, w}).expand({h, w});
    const auto disc = ((x * x + y * y) < 0.3).to(torch::kFloat32);
    const auto stripes = torch::sin(x * 9 + y * 4);
    return torch::stack({x * 0.8, disc - 0.5, stripes * 0.7}).unsqueeze(0).contiguous();
}

TEST(GeneratorRunner, KeepsOddSizes) {
    const GeneratorRunner runner(tinyGenerator(), torch::kCPU, 0, 32);
    for (auto [h, w] : std::vector<std::pair<int64_t, int64_t>>{
             {207, 301}, {1, 1}, {9, 1}, {1, 9}, {2, 3}, {5, 7}, {8, 8}, {4, 13}, {3, 3}}) {
        const auto y = runner.run(torch::rand({1, 3, h, w}) * 2 - 1);
        EXPECT_EQ(y.sizes(), (std::vector<int64_t>{1, 3, h, w})) << h << "x" << w;
        EXPECT_TRUE(torch::isfinite(y).all().item<bool>());
    }
}

TEST(GeneratorRunner, MultipleOfFourIsOnePlainForward) {
    ResnetGenerator net = tinyGenerator();
    const GeneratorRunner runner(net, torch::kCPU, 0, 32);
    const auto x = testPicture(36, 52);
    torch::NoGradGuard noGrad;
    EXPECT_TRUE(torch::equal(runner.run(x), net->forward(x)));
}

TEST(GeneratorRunner, MatchesPythonOutputsOfOfficialFixtures) {
    for (auto [file, tag, inNc, outNc] :
         std::vector<std::tuple<std::string, std::string, int, int>>{
             {"gen9_zip.pth", "gen9", 3, 3},
             {"gen9_legacy.pth", "gen9", 3, 3},
             {"gen9_legacy_running_stats.pth", "gen9", 3, 3},
             {"gen6_zip.pth", "gen6", 1, 2},
             {"gen6_legacy.pth", "gen6", 1, 2}}) {
        const GeneratorRunner runner(loadOfficialGenerator(fixture(file), torch::kCPU), torch::kCPU,
                                     0, 32);
        const auto y = runner.run(readRaw(tag + "_input.f32", {1, inNc, 36, 52}));
        const auto expected = readRaw(tag + "_output.f32", {1, outNc, 36, 52});
        // One grey level is 1/127.5 in [-1, 1]; compare the 8-bit values as tensor2im makes them.
        const auto bytes = [](const torch::Tensor &t) {
            return ((t + 1) * 127.5).round().clamp(0, 255).to(torch::kInt32);
        };
        EXPECT_LE((bytes(y) - bytes(expected)).abs().max().item<int>(), 1) << file;
        EXPECT_LT((y - expected).abs().max().item<float>(), 1e-4) << file;
    }
}

TEST(ReflectPad, MirrorsRepeatedlyAndReplicatesSinglePixels) {
    const auto row = torch::tensor({1.0f, 2.0f}).view({1, 1, 1, 2});
    const auto padded = reflectPad(row, 3, 2, 0, 0);
    EXPECT_TRUE(
        torch::equal(padded.flatten(), torch::tensor({2.0f, 1.0f, 2.0f, 1.0f, 2.0f, 1.0f, 2.0f})))
        << padded;
    const auto dot = reflectPad(torch::full({1, 3, 1, 1}, 0.5f), 4, 3, 2, 5);
    EXPECT_EQ(dot.sizes(), (std::vector<int64_t>{1, 3, 8, 8}));
    EXPECT_TRUE(torch::allclose(dot, torch::full({1, 3, 8, 8}, 0.5f)));
}

// A texture whose statistics are alike everywhere, so that instance norm sees nearly the same
// statistics in each tile as in the whole and the blend itself is what the tests measure:
// repeated discs and stripes, in [-1, 1].
torch::Tensor texturedPicture(int64_t h, int64_t w) {
    const auto y = torch::arange(h, torch::kFloat32).view({h, 1}).expand({h, w});
    const auto x = torch::arange(w, torch::kFloat32).view({1, w}).expand({h, w});
    const auto dx = torch::remainder(x, 40) - 20, dy = torch::remainder(y, 40) - 20;
    const auto discs = ((dx * dx + dy * dy) < 150).to(torch::kFloat32) - 0.5;
    const auto stripes = torch::sin(x * 0.3 + y * 0.2) * 0.6;
    return torch::stack({discs, stripes, torch::cos(x * 0.25) * 0.3 + discs * 0.3})
        .unsqueeze(0)
        .contiguous();
}

// Mean |step| between neighbouring columns, per column: [W - 1].
torch::Tensor columnSteps(const torch::Tensor &image) {
    return image.diff(1, 3).abs().mean({0, 1, 2});
}

struct TileComparison {
    double meanDiffCore = 0; // mean |tiled - whole| away from tile edges
    double seamScore = 0;    // largest extra column step of the tiled output / mean step
};

TileComparison compareTiled(int overlap) {
    ResnetGenerator net = tinyGenerator(8, 3);
    const auto x = texturedPicture(96, 384); // tiles of 96 x 128 along the width
    const auto whole = GeneratorRunner(net, torch::kCPU, 0, overlap).run(x);
    const auto tiled = GeneratorRunner(net, torch::kCPU, 96 * 128, overlap).run(x);
    EXPECT_EQ(tiled.sizes(), whole.sizes());
    TileComparison c;
    // Column ranges covered by one tile only and >= 24 px from its edges: tiles start at 0,
    // 84, 168 and 256 with overlap 32 (at 0, 128, 256 without), so [24, 72) and [312, 360).
    const auto diff = (tiled - whole).abs();
    c.meanDiffCore = (diff.slice(3, 24, 72).mean().item<double>() +
                      diff.slice(3, 312, 360).mean().item<double>()) /
                     2;
    // A seam is a jump of the difference to the whole-image output from one column to the
    // next: averaged over the rows (the texture cancels), a hard cut steps, a blend ramps.
    const auto profile = (tiled - whole).mean(2);             // [1, C, W]
    const auto jumps = profile.diff(1, 2).abs().amax({0, 1}); // [W - 1]
    c.seamScore = jumps.max().item<double>() / columnSteps(whole).mean().item<double>();
    return c;
}

TEST(GeneratorRunner, TiledAgreesWithWholeAwayFromTileEdges) {
    const TileComparison c = compareTiled(32);
    // Instance norm sees each tile's statistics: not equal, but close (values span [-1, 1];
    // measured 0.025, about 3 grey levels).
    EXPECT_LT(c.meanDiffCore, 0.06) << "mean |tiled - whole| in tile cores";
}

TEST(GeneratorRunner, TilesLeaveNoVisibleSeam) {
    const TileComparison blended = compareTiled(32);
    const TileComparison hardCut = compareTiled(0); // control: no blending at all
    std::printf("seam score blended %.3f, hard cut %.3f; core diff %.4f\n", blended.seamScore,
                hardCut.seamScore, blended.meanDiffCore);
    // Measured: blended 0.08, hard cut 0.67 (a jump of 2/3 of the mean column step).
    EXPECT_LT(blended.seamScore, 0.25);
    EXPECT_GT(hardCut.seamScore, 3 * blended.seamScore) << "the seam measure sees hard cuts";
}

TEST(GeneratorRunner, CancelStopsBetweenTiles) {
    const GeneratorRunner runner(tinyGenerator(), torch::kCPU, 32 * 32, 8);
    std::atomic<bool> cancel{true};
    EXPECT_THROW(runner.run(testPicture(100, 100), &cancel), Cancelled);
    cancel = false;
    EXPECT_EQ(runner.run(testPicture(100, 100), &cancel).size(3), 100);
}

TEST(GeneratorRunner, DefaultTileOnCpuIsAboutOneMegapixel) {
    EXPECT_EQ(defaultMaxTilePixels(torch::kCPU, 64), 1024 * 1024);
    EXPECT_EQ(GeneratorRunner(tinyGenerator(), torch::kCPU, 0, 32).maxTilePixels(), 1024 * 1024);
}

} // namespace
} // namespace cgs
