// Measures what --temporal_smoothing does on a slowly panning crop of a still photo (the README
// numbers): the mean absolute difference of consecutive output frames minus that of the input
// frames (8-bit levels; the flicker the model adds), with smoothing off and on, and the PSNR of
// each smoothed frame to the per-frame output (how far smoothing moves a frame).
//
//   cgs_video_flicker PHOTO [--model M] [--size 160x120] [--frames 48] [--step 1] [--smoothing A]...
//
// Without --model: a ResNet generator, 9 blocks, ngf 64, random N(0, 0.02) weights, seed 1.
#include "core/engine/checkpoint/generator_checkpoint.h"
#include "core/engine/nn/init_weights.h"
#include "core/engine/translate/translator.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/mat_image.h"

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

double meanAbsDiff(const cgs::Image &a, const cgs::Image &b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i)
        sum += std::abs(int(a.data[i]) - int(b.data[i]));
    return sum / static_cast<double>(a.data.size());
}

double psnr(const cgs::Image &a, const cgs::Image &b) {
    double se = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i)
        se += std::pow(int(a.data[i]) - int(b.data[i]), 2);
    const double mse = se / static_cast<double>(a.data.size());
    return mse == 0 ? 99.0 : 10 * std::log10(255.0 * 255.0 / mse);
}

// Mean |a(x, y) - b(x + shift, y)| away from the borders: the change between frames that is not
// the pan (the "warping error" of video consistency papers, for a known integer pan).
double alignedDiff(const cgs::Image &a, const cgs::Image &b, int shift, int margin = 8) {
    double sum = 0;
    std::size_t n = 0;
    for (int y = margin; y < a.height - margin; ++y)
        for (int x = margin; x + shift < a.width - margin; ++x)
            for (int c = 0; c < a.channels; ++c, ++n)
                sum += std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x + shift, y)[c]));
    return sum / static_cast<double>(n);
}

double aligned(const std::vector<cgs::Image> &frames, int shift) {
    double sum = 0;
    for (std::size_t i = 1; i < frames.size(); ++i)
        sum += alignedDiff(frames[i], frames[i - 1], shift);
    return sum / static_cast<double>(frames.size() - 1);
}

double consecutive(const std::vector<cgs::Image> &frames) {
    double sum = 0;
    for (std::size_t i = 1; i < frames.size(); ++i)
        sum += meanAbsDiff(frames[i], frames[i - 1]);
    return sum / static_cast<double>(frames.size() - 1);
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PHOTO [--model M] [--size WxH] [--frames N] [--step PX] "
                             "[--smoothing A]...\n", argv[0]);
        return 1;
    }
    std::string photoPath = argv[1], model;
    int width = 160, height = 120, frameCount = 48;
    double step = 1;
    std::vector<double> smoothing;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--model") model = value;
        else if (key == "--size") std::sscanf(value.c_str(), "%dx%d", &width, &height);
        else if (key == "--frames") frameCount = std::stoi(value);
        else if (key == "--step") step = std::stod(value);
        else if (key == "--smoothing") smoothing.push_back(std::stod(value));
    }
    if (smoothing.empty())
        smoothing = {0.5, 0.8, 0.9, 0.95};
    if (model.empty()) {
        torch::manual_seed(1);
        cgs::ResnetGenerator net(cgs::ResnetGeneratorOptions(3, 3).ngf(64).n_blocks(9));
        cgs::initWeights(*net, "normal", 0.02);
        model = (std::filesystem::temp_directory_path() / "cgs_flicker_model").string();
        cgs::saveGeneratorCheckpoint(model, net);
    }
    const cv::Mat photo = cgs::imageToMat(cgs::readImage(photoPath));
    // Panning crop with sub-pixel steps (bilinear), as a slow camera pan.
    std::vector<cgs::Image> input;
    for (int t = 0; t < frameCount; ++t) {
        const double x = t * step;
        cv::Mat m = (cv::Mat_<double>(2, 3) << 1, 0, -x, 0, 1, 0);
        cv::Mat crop;
        cv::warpAffine(photo, crop, m, cv::Size(width, height), cv::INTER_LINEAR);
        input.push_back(cgs::matToImage(crop));
    }
    cgs::TranslatorOptions o;
    o.model = model;
    o.device = "cpu";
    cgs::Translator translator(o);
    std::vector<cgs::Image> perFrame;
    for (const auto &f : input)
        perFrame.push_back(translator.translate(f));
    const double inDiff = consecutive(input), offDiff = consecutive(perFrame);
    std::printf("%s, %dx%d crop, %d frames, pan %.2f px/frame; model %s\n", photoPath.c_str(),
                width, height, frameCount, step, model.c_str());
    const int shift = static_cast<int>(std::lround(step));
    std::printf("input consecutive diff %.3f; output - input: off %.3f; pan-aligned output "
                "diff: off %.3f (input %.3f)\n",
                inDiff, offDiff - inDiff, aligned(perFrame, shift), aligned(input, shift));
    for (double a : smoothing) {
        cgs::FrameSequence sequence({a});
        std::vector<cgs::Image> out;
        for (const auto &f : input)
            out.push_back(translator.translateFrame(f, sequence));
        double psnrSum = 0, psnrMin = 99;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const double p = psnr(out[i], perFrame[i]);
            psnrSum += p;
            psnrMin = std::min(psnrMin, p);
        }
        std::printf("A %.2f: output - input %.3f (off %.3f); pan-aligned %.3f; PSNR to "
                    "per-frame mean %.2f dB, min %.2f dB; scene cuts %lld\n",
                    a, consecutive(out) - inDiff, offDiff - inDiff, aligned(out, shift),
                    psnrSum / static_cast<double>(out.size()), psnrMin,
                    static_cast<long long>(sequence.sceneCuts()));
    }
    return 0;
}
