#pragma once

#include "core/engine/nn/resnet_generator.h"
#include "core/engine/translate/temporal_norm.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>

namespace cgs {

// Runs a ResNet generator on an image tensor of any size, internal to the engine (Torch).
//
//   cgs::GeneratorRunner runner(net, device, /*maxTilePixels=*/0, /*overlap=*/32);
//   torch::Tensor y = runner.run(x);       // x: [1, C, H, W] in [-1, 1], any H, W >= 1
//
// The generator needs sides that are multiples of 4 (two stride-2 stages) and at least 8 (its
// reflection paddings need more pixels than they pad), so the input is reflect-padded on the
// right and bottom to that (mirrored repeatedly when the image is smaller than the padding,
// replicated at 1 pixel) and the output cropped back: the output has the input's H x W, never
// resized. Images of more than maxTilePixels pixels run in overlapping tiles blended with linear
// weight ramps (see TilePlan); the accumulation happens on the CPU, so only one tile at a time is
// on the device. Instance norm sees each tile's own statistics, so tiles differ slightly from one
// whole pass; the ramps make the transition smooth. Runs under InferenceMode. Thread safety: run()
// may be called from one thread at a time (the module is shared).
class GeneratorRunner {
public:
    // maxTilePixels 0 = defaultMaxTilePixels(device, ngf). overlap >= 0 pixels.
    GeneratorRunner(ResnetGenerator net, const torch::Device &device, std::int64_t maxTilePixels,
                    int overlap);

    // x: float [1, C, H, W] on any device. Returns float [1, outC, H, W] on the CPU.
    // Throws Cancelled between tiles once *cancel is true; DeviceError when the device runs
    // out of memory (with a hint to use smaller tiles). With `temporal` (a video frame with
    // --temporal_smoothing) the instance norms use its smoothed statistics, one slot per tile
    // position (slot 0 for a whole frame).
    torch::Tensor run(const torch::Tensor &x, const std::atomic<bool> *cancel = nullptr,
                      TemporalNorm *temporal = nullptr) const;

    std::int64_t maxTilePixels() const { return m_maxTilePixels; }
    const torch::Device &device() const { return m_device; }

private:
    torch::Tensor runWhole(const torch::Tensor &x, TemporalNorm *temporal, int slot) const;
    torch::Tensor runTiled(const torch::Tensor &x, const std::atomic<bool> *cancel,
                           TemporalNorm *temporal) const;

    mutable ResnetGenerator m_net; // forward() is non-const in LibTorch; run() changes no state
    torch::Device m_device;
    std::int64_t m_maxTilePixels;
    int m_overlap;
};

// Reflect-pads [N, C, H, W] by the given amounts, repeating the reflection when a side is
// shorter than its padding and replicating 1-pixel sides.
torch::Tensor reflectPad(torch::Tensor x, std::int64_t left, std::int64_t right, std::int64_t top,
                         std::int64_t bottom);

// The tile size in pixels used when maxTilePixels is 0: on the CPU 1 MPixel (bigger tiles are
// not faster there, and keep peak memory near 1.5 GB for ngf 64), on CUDA what half of the
// free device memory holds at ~24 * ngf bytes per pixel, between 256^2 and 16 MPixel.
std::int64_t defaultMaxTilePixels(const torch::Device &device, std::int64_t ngf);

} // namespace cgs
