#include "core/engine/translate/generator_runner.h"

#include "core/engine/error.h"
#include "core/engine/translate/tile_plan.h"

#include <algorithm>
#include <cmath>

#if defined(CGS_WITH_CUDA)
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>
#endif

namespace cgs {
namespace {

constexpr std::int64_t kMinSide = 8;
constexpr std::int64_t kCpuTilePixels = 1024 * 1024;

std::int64_t paddedSide(std::int64_t n) {
    return std::max(kMinSide, (n + 3) / 4 * 4);
}

// Pads one side of dimension `dim` (2 = H, 3 = W) by `amount`, in steps of at most size - 1
// (reflection cannot pad more than that at once).
torch::Tensor padSide(torch::Tensor x, int dim, bool before, std::int64_t amount) {
    namespace F = torch::nn::functional;
    while (amount > 0) {
        const std::int64_t size = x.size(dim);
        const std::int64_t step = size > 1 ? std::min(amount, size - 1) : amount;
        std::vector<std::int64_t> pad(4, 0); // left, right, top, bottom
        pad[(dim == 3 ? 0 : 2) + (before ? 0 : 1)] = step;
        const auto mode = size > 1
                              ? torch::nn::functional::PadFuncOptions::mode_t(torch::kReflect)
                              : torch::nn::functional::PadFuncOptions::mode_t(torch::kReplicate);
        x = F::pad(x, F::PadFuncOptions(pad).mode(mode));
        amount -= step;
    }
    return x;
}

[[noreturn]] void rethrowAsDeviceError(const c10::Error &e, const torch::Device &device,
                                       std::int64_t pixels) {
    const std::string what = e.what_without_backtrace();
    if (what.find("out of memory") != std::string::npos)
        throw DeviceError("Out of memory on " + device.str() + " translating a tile of " +
                          std::to_string(pixels) + " pixels; use smaller tiles (--tile)");
    throw DeviceError("Translation failed on " + device.str() + ": " + what);
}

} // namespace

torch::Tensor reflectPad(torch::Tensor x, std::int64_t left, std::int64_t right, std::int64_t top,
                         std::int64_t bottom) {
    x = padSide(padSide(x, 3, true, left), 3, false, right);
    return padSide(padSide(x, 2, true, top), 2, false, bottom);
}

std::int64_t defaultMaxTilePixels(const torch::Device &device, std::int64_t ngf) {
#if defined(CGS_WITH_CUDA)
    if (device.is_cuda()) {
        c10::cuda::CUDAGuard guard(device.index());
        std::size_t freeBytes = 0, totalBytes = 0;
        if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) {
            const double bytesPerPixel = 24.0 * static_cast<double>(std::max<std::int64_t>(ngf, 1));
            const auto pixels = static_cast<std::int64_t>(0.5 * freeBytes / bytesPerPixel);
            return std::clamp<std::int64_t>(pixels, 256 * 256, 16 * 1024 * 1024);
        }
    }
#endif
    (void)device;
    (void)ngf;
    return kCpuTilePixels;
}

GeneratorRunner::GeneratorRunner(ResnetGenerator net, const torch::Device &device,
                                 std::int64_t maxTilePixels, int overlap)
    : m_net(std::move(net)), m_device(device),
      m_maxTilePixels(maxTilePixels > 0 ? maxTilePixels
                                        : defaultMaxTilePixels(device, m_net->options().ngf())),
      m_overlap(std::max(0, overlap)) {
    m_maxTilePixels = std::max(m_maxTilePixels, kMinSide * kMinSide);
}

torch::Tensor GeneratorRunner::run(const torch::Tensor &x, const std::atomic<bool> *cancel,
                                   TemporalNorm *temporal) const {
    TORCH_CHECK(x.dim() == 4 && x.size(0) == 1 && x.size(2) > 0 && x.size(3) > 0,
                "GeneratorRunner expects [1, C, H, W], got ", x.sizes());
    c10::InferenceMode inference;
    if (x.size(2) * x.size(3) <= m_maxTilePixels)
        return runWhole(x, temporal, 0);
    return runTiled(x, cancel, temporal);
}

torch::Tensor GeneratorRunner::runWhole(const torch::Tensor &x, TemporalNorm *temporal,
                                        int slot) const {
    const std::int64_t h = x.size(2), w = x.size(3);
    const std::int64_t padH = paddedSide(h) - h, padW = paddedSide(w) - w;
    try {
        // Padding right and bottom only keeps the image on the 4-pixel grid of its stride-2
        // stages, the same grid for the whole image and for each tile (see TilePlan).
        auto in = reflectPad(x.to(m_device, torch::kFloat32), 0, padW, 0, padH);
        auto out = (temporal ? temporal->forward(*m_net, in, slot) : m_net->forward(in))
                       .slice(2, 0, h)
                       .slice(3, 0, w);
        return out.to(torch::kCPU).contiguous();
    } catch (const c10::Error &e) {
        rethrowAsDeviceError(e, m_device, (h + padH) * (w + padW));
    }
}

torch::Tensor GeneratorRunner::runTiled(const torch::Tensor &x, const std::atomic<bool> *cancel,
                                        TemporalNorm *temporal) const {
    const std::int64_t h = x.size(2), w = x.size(3);
    const auto side = std::max<std::int64_t>(
        kMinSide,
        static_cast<std::int64_t>(std::sqrt(static_cast<double>(m_maxTilePixels))) / 4 * 4);
    // A short axis lets the tiles grow along the long one within the same pixel budget.
    const std::int64_t tileH = std::min(h, side);
    const std::int64_t tileW = std::min(w, std::max(side, m_maxTilePixels / tileH / 4 * 4));
    const TilePlan rows(h, tileH, m_overlap), cols(w, tileW, m_overlap);
    torch::Tensor sum, weightSum = torch::zeros({1, 1, h, w});
    for (int r = 0; r < rows.count(); ++r) {
        const auto wy = torch::tensor(rows.weights(r)).view({1, 1, -1, 1});
        for (int c = 0; c < cols.count(); ++c) {
            if (cancel && cancel->load())
                throw Cancelled();
            const auto wx = torch::tensor(cols.weights(c)).view({1, 1, 1, -1});
            const auto tile = x.slice(2, rows.start(r), rows.start(r) + rows.length(r))
                                  .slice(3, cols.start(c), cols.start(c) + cols.length(c));
            const auto y = runWhole(tile, temporal, r * cols.count() + c);
            if (!sum.defined())
                sum = torch::zeros({1, y.size(1), h, w});
            const auto weight = wy * wx;
            sum.slice(2, rows.start(r), rows.start(r) + rows.length(r))
                .slice(3, cols.start(c), cols.start(c) + cols.length(c))
                .add_(y * weight);
            weightSum.slice(2, rows.start(r), rows.start(r) + rows.length(r))
                .slice(3, cols.start(c), cols.start(c) + cols.length(c))
                .add_(weight);
        }
    }
    return sum.div_(weightSum);
}

} // namespace cgs
