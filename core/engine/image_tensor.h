#pragma once

#include "core/engine/image.h"
#include "core/engine/unpaired_source.h"

#include <torch/torch.h>

#include <vector>

namespace cgs {

// The only place Image <-> tensor conversions live.

// One 8-bit image (1, 3 or 4 channels; the first `channels` are used) -> float [1, C, H, W]
// in [-1, 1] on the CPU. channels 0 keeps the image's own count.
torch::Tensor imageToTensor(const Image &image, int channels = 0);

// Same-size 8-bit RGB images -> [N, 3, H, W] in [-1, 1] on `device`. Throws DatasetError if
// sizes differ.
torch::Tensor imagesToBatch(const std::vector<const Image *> &images, const torch::Device &device);

// The A and B images of same-size pairs -> two batches [N, 3, H, W] on `device`.
std::pair<torch::Tensor, torch::Tensor> pairsToBatches(const std::vector<TrainingPair> &pairs,
                                                       const torch::Device &device);

// [C, H, W] or [1, C, H, W] in [-1, 1] (any device, any float type) -> 8-bit image with C
// channels, rounding to nearest like the official tensor2im ((x + 1) / 2 * 255).
Image tensorToImage(const torch::Tensor &tensor);

} // namespace cgs
