#include "core/engine/translate/translator.h"

#include "core/engine/checkpoint/model_location.h"
#include "core/engine/device.h"
#include "core/engine/device_util.h"
#include "core/engine/error.h"
#include "core/engine/image_tensor.h"
#include "core/engine/translate/frame_sequence_state.h"
#include "core/engine/translate/generator_runner.h"
#include "core/engine/translate/model_loader.h"

#include <cstring>
#include <optional>

namespace cgs {
namespace {

bool isGrey(const Image &image) {
    if (image.channels == 1)
        return true;
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    const std::uint8_t *p = image.data.data();
    for (std::size_t i = 0; i < n; ++i, p += image.channels)
        if (p[0] != p[1] || p[1] != p[2])
            return false;
    return true;
}

// ITU-R 601 luma, as PIL's convert("L") that the official code uses for 1-channel models;
// linear, so it applies to [-1, 1] values as to bytes.
torch::Tensor luma(const torch::Tensor &rgb) {
    return rgb.select(1, 0)
        .mul(0.299f)
        .add(rgb.select(1, 1), 0.587f)
        .add(rgb.select(1, 2), 0.114f)
        .unsqueeze(1);
}

torch::Tensor modelInput(const Image &image, int inputNc) {
    if (image.channels == 1)
        return inputNc == 1 ? imageToTensor(image, 1)
                            : imageToTensor(image, 1).repeat({1, 3, 1, 1});
    const auto rgb = imageToTensor(image, 3);
    return inputNc == 1 ? luma(rgb) : rgb;
}

Image withAlpha(const Image &colour, const Image &source) {
    Image out(colour.width, colour.height, 4);
    const std::size_t n = static_cast<std::size_t>(colour.width) * colour.height;
    for (std::size_t i = 0; i < n; ++i) {
        for (int c = 0; c < 3; ++c)
            out.data[i * 4 + c] = colour.data[i * colour.channels + (colour.channels == 1 ? 0 : c)];
        out.data[i * 4 + 3] = source.data[i * 4 + 3];
    }
    return out;
}

void checkChannels(const ModelInfo &info) {
    for (int n : {info.inputNc, info.outputNc})
        if (n != 1 && n != 3)
            throw CheckpointError("Model '" + info.source + "' is a generator with " +
                                  std::to_string(info.inputNc) + " input and " +
                                  std::to_string(info.outputNc) +
                                  " output channels; only 1 (grey) or 3 (RGB) can be translated "
                                  "as images");
}

} // namespace

struct Translator::Impl {
    TranslatorOptions options;
    torch::Device device{torch::kCPU};
    ModelInfo info;
    std::optional<GeneratorRunner> runner;

    Image run(const Image &input, const std::atomic<bool> *cancel, FrameSequence *sequence) const;
};

std::string producerOf(const ModelInfo &info, Direction direction) {
    std::string text = info.source;
    if (!info.tag.empty() || info.iteration >= 0)
        text += " [" + (info.tag.empty() ? std::string("-") : info.tag) +
                (info.iteration >= 0 ? ", iteration " + std::to_string(info.iteration) : "") + "]";
    return text + (direction == Direction::AToB ? " AtoB" : " BtoA");
}

Translator::Translator(const TranslatorOptions &options) : m_impl(std::make_unique<Impl>()) {
    if (options.maxTilePixels < 0 || options.tileOverlap < 0)
        throw ConfigError("Tile size and tile overlap must be >= 0");
    if (options.cpuThreads < 0)
        throw ConfigError("CPU threads must be >= 0, got " + std::to_string(options.cpuThreads));
    m_impl->options = options;
    applyCpuThreads(options.cpuThreads);
    m_impl->device = resolveDevice(options.device);
    LoadedGenerator g = loadGenerator(options, m_impl->device);
    m_impl->info = g.info;
    checkChannels(g.info);
    m_impl->runner.emplace(g.net, m_impl->device, options.maxTilePixels, options.tileOverlap);
}

Translator::~Translator() = default;

Image Translator::Impl::run(const Image &input, const std::atomic<bool> *cancel,
                            FrameSequence *sequence) const {
    if (input.empty() || input.data.size() != input.stride() * input.height)
        throw DatasetError("Cannot translate an empty or inconsistent image (" +
                           std::to_string(input.width) + "x" + std::to_string(input.height) + ")");
    if (input.channels != 1 && input.channels != 3 && input.channels != 4)
        throw DatasetError("Cannot translate an image with " + std::to_string(input.channels) +
                           " channels (1, 3 or 4 expected)");
    const torch::Tensor x = modelInput(input, info.inputNc);
    TemporalNorm *temporal = nullptr;
    if (sequence && sequence->options().smoothing > 0) {
        FrameSequence::State &state = sequence->state();
        state.lastWasCut = state.cuts.isCut(x);
        if (state.lastWasCut) {
            state.norm.reset();
            ++state.sceneCuts;
        }
        temporal = &state.norm;
    }
    if (sequence)
        ++sequence->state().frames;
    torch::Tensor y = runner->run(x, cancel, temporal);
    if (y.size(1) == 3 && options.greyscaleOutput && isGrey(input))
        y = luma(y);
    Image out = tensorToImage(y);
    return input.channels == 4 ? withAlpha(out, input) : out;
}

Image Translator::translate(const Image &input, const std::atomic<bool> *cancel) const {
    return m_impl->run(input, cancel, nullptr);
}

Image Translator::translateFrame(const Image &frame, FrameSequence &sequence,
                                 const std::atomic<bool> *cancel) const {
    return m_impl->run(frame, cancel, &sequence);
}

const ModelInfo &Translator::info() const {
    return m_impl->info;
}

std::string Translator::deviceDescription() const {
    return describeDevice(m_impl->device.str(), m_impl->options.cpuThreads).description;
}

std::int64_t Translator::maxTilePixels() const {
    return m_impl->runner->maxTilePixels();
}

std::string modelStamp(const TranslatorOptions &options) {
    return modelStamp(options.model, options.epoch, options.direction);
}

} // namespace cgs
