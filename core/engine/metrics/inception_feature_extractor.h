#pragma once

// Inception pool features for FID and KID, compatible with pytorch-fid (facade, no Torch types).
//
//   cgs::InceptionFeatureExtractor net({cgs::resolveInceptionWeights(""), "auto"}); // throws
//   for (const cgs::Image &img : images) net.add(img);    // batched internally
//   cgs::FeatureMatrix features = net.takeFeatures();    // [images, 2048]
//
// An image is used as pytorch-fid's ImagePathDataset would read its file: the RGB channels
// (grey repeated, alpha dropped, as PIL's convert("RGB")) / 255, then the network of
// fid_inception_v3.h: bilinear resize to 299 x 299, scaled to [-1, 1], 2048 pool features. Runs
// under InferenceMode on the chosen device (auto: CUDA when present), in batches of
// options.batchSize images. Thread safety: one thread at a time per object; objects are
// independent (each loads its own copy of the weights).

#include "core/engine/image.h"
#include "core/engine/metrics/feature_matrix.h"

#include <atomic>
#include <memory>
#include <string>

namespace cgs {

struct InceptionFeatureOptions {
    std::string weightsPath;     // pt_inception-2015-12-05-6726825d.pth (resolveInceptionWeights)
    std::string device = "auto"; // auto | cpu | cuda | cuda:N
    int batchSize = 16;          // images per forward pass (each becomes 3 x 299 x 299)
};

class InceptionFeatureExtractor {
public:
    // Loads the weights. Throws CheckpointError naming the file (damaged, not the FID Inception),
    // DeviceUnavailableError for a device that is not there, ConfigError for batchSize < 1.
    explicit InceptionFeatureExtractor(const InceptionFeatureOptions &options);
    ~InceptionFeatureExtractor();
    InceptionFeatureExtractor(const InceptionFeatureExtractor &) = delete;
    InceptionFeatureExtractor &operator=(const InceptionFeatureExtractor &) = delete;

    // Queues one image (1, 3 or 4 channels, any size); runs a batch when one is full. Throws
    // DatasetError for an empty image, DeviceError when the device fails.
    void add(const Image &image);
    // Runs what is queued and returns the features of every image added since the last call,
    // in order of add(); the extractor is then empty again.
    FeatureMatrix takeFeatures();
    // Features of `images` in order (add + takeFeatures). Throws Cancelled between batches once
    // *cancel is true.
    FeatureMatrix extract(const std::vector<Image> &images,
                          const std::atomic<bool> *cancel = nullptr);

    std::string deviceDescription() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cgs
