#include "core/engine/metrics/inception_feature_extractor.h"

#include "core/engine/device_util.h"
#include "core/engine/error.h"
#include "core/engine/metrics/fid_inception_v3.h"

#include <vector>

namespace cgs {
namespace {

// [3, 299, 299] float in [0, 1] on the CPU: RGB / 255 as PIL + ToTensor, then pytorch-fid's
// bilinear resize (per image, so that images of different sizes can share a batch).
torch::Tensor toInceptionInput(const Image &image) {
    if (image.empty() || (image.channels != 1 && image.channels != 3 && image.channels != 4))
        throw DatasetError("Cannot compute Inception features of an empty image or one with " +
                           std::to_string(image.channels) + " channels");
    torch::Tensor hwc = torch::from_blob(const_cast<std::uint8_t *>(image.data.data()),
                                         {image.height, image.width, image.channels},
                                         torch::kUInt8);
    hwc = image.channels == 1 ? hwc.expand({image.height, image.width, 3})
                              : hwc.narrow(2, 0, 3);
    torch::Tensor chw = hwc.permute({2, 0, 1}).to(torch::kFloat32).div_(255.0f).unsqueeze(0);
    namespace F = torch::nn::functional;
    return F::interpolate(chw, F::InterpolateFuncOptions()
                                   .size(std::vector<int64_t>{299, 299})
                                   .mode(torch::kBilinear)
                                   .align_corners(false))
        .squeeze(0);
}

} // namespace

struct InceptionFeatureExtractor::Impl {
    InceptionFeatureOptions options;
    torch::Device device{torch::kCPU};
    FidInceptionV3 net;
    std::vector<torch::Tensor> queued;   // [3, 299, 299] each
    std::vector<torch::Tensor> features; // [n, 2048] per batch, CPU float32

    void runQueued() {
        if (queued.empty())
            return;
        try {
            c10::InferenceMode inference;
            torch::Tensor batch = torch::stack(queued).to(device);
            // The resize inside forward() is the identity at 299 x 299 (align_corners false).
            features.push_back(net->forward(batch).to(torch::kCPU, torch::kFloat32).contiguous());
        } catch (const c10::Error &e) {
            throw DeviceError("Inception features on " + device.str() +
                              " failed: " + e.what_without_backtrace());
        }
        queued.clear();
    }
};

InceptionFeatureExtractor::InceptionFeatureExtractor(const InceptionFeatureOptions &options)
    : m_impl(std::make_unique<Impl>()) {
    if (options.batchSize < 1)
        throw ConfigError("Inception batch size must be >= 1, not " +
                          std::to_string(options.batchSize));
    m_impl->options = options;
    m_impl->device = resolveDevice(options.device);
    loadFidInceptionWeights(m_impl->net, options.weightsPath);
    m_impl->net->to(m_impl->device);
    m_impl->net->eval();
}

InceptionFeatureExtractor::~InceptionFeatureExtractor() = default;

void InceptionFeatureExtractor::add(const Image &image) {
    m_impl->queued.push_back(toInceptionInput(image));
    if (static_cast<int>(m_impl->queued.size()) >= m_impl->options.batchSize)
        m_impl->runQueued();
}

FeatureMatrix InceptionFeatureExtractor::takeFeatures() {
    m_impl->runQueued();
    FeatureMatrix out;
    out.cols = 2048;
    if (!m_impl->features.empty()) {
        torch::Tensor all = torch::cat(m_impl->features, 0).contiguous();
        out.rows = all.size(0);
        out.values.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
    }
    m_impl->features.clear();
    return out;
}

FeatureMatrix InceptionFeatureExtractor::extract(const std::vector<Image> &images,
                                                 const std::atomic<bool> *cancel) {
    for (const Image &image : images) {
        if (cancel && *cancel)
            throw Cancelled();
        add(image);
    }
    return takeFeatures();
}

std::string InceptionFeatureExtractor::deviceDescription() const {
    return m_impl->device.str();
}

} // namespace cgs
