#include "core/engine/metrics/sliced_wasserstein.h"

#include "core/engine/error.h"

#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>

namespace cgs {
namespace {

namespace F = torch::nn::functional;

// The 5 x 5 binomial filter of pyrDown / pyrUp, one per channel (depthwise).
torch::Tensor binomialFilter() {
    const torch::Tensor taps = torch::tensor({1.0f, 4.0f, 6.0f, 4.0f, 1.0f});
    return (torch::outer(taps, taps) / 256.0f).expand({3, 1, 5, 5}).contiguous();
}

torch::Tensor blur(const torch::Tensor &x, float gain) {
    const torch::Tensor padded = F::pad(x, F::PadFuncOptions({2, 2, 2, 2}).mode(torch::kReflect));
    return F::conv2d(padded, binomialFilter() * gain, F::Conv2dFuncOptions().groups(3));
}

torch::Tensor pyramidDown(const torch::Tensor &x) {
    using torch::indexing::Slice;
    return blur(x, 1.0f).index({Slice(), Slice(), Slice(0, torch::indexing::None, 2),
                                Slice(0, torch::indexing::None, 2)});
}

torch::Tensor pyramidUp(const torch::Tensor &x) {
    using torch::indexing::Slice;
    torch::Tensor up = torch::zeros({x.size(0), 3, x.size(2) * 2, x.size(3) * 2});
    up.index_put_({Slice(), Slice(), Slice(0, torch::indexing::None, 2),
                   Slice(0, torch::indexing::None, 2)},
                  x);
    return blur(up, 4.0f);
}

// Karras' generate_laplacian_pyramid: band-pass levels, the last one the low-pass rest.
std::vector<torch::Tensor> laplacianPyramid(const torch::Tensor &image, int levels) {
    std::vector<torch::Tensor> pyramid{image};
    for (int i = 1; i < levels; ++i) {
        pyramid.push_back(pyramidDown(pyramid.back()));
        pyramid[i - 1] = pyramid[i - 1] - pyramidUp(pyramid.back());
    }
    return pyramid;
}

torch::Tensor imageTensor(const Image &image, int resolution) {
    if (image.empty() || (image.channels != 1 && image.channels != 3 && image.channels != 4))
        throw DatasetError("Cannot compute SWD descriptors of an empty image or one with " +
                           std::to_string(image.channels) + " channels");
    torch::Tensor hwc = torch::from_blob(const_cast<std::uint8_t *>(image.data.data()),
                                         {image.height, image.width, image.channels},
                                         torch::kUInt8);
    hwc = image.channels == 1 ? hwc.expand({image.height, image.width, 3}) : hwc.narrow(2, 0, 3);
    torch::Tensor x = hwc.permute({2, 0, 1}).to(torch::kFloat32).unsqueeze(0);
    if (image.width != resolution || image.height != resolution)
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{resolution, resolution})
                                  .mode(torch::kBilinear)
                                  .align_corners(false)
                                  .antialias(true));
    return x;
}

torch::Tensor finalised(const std::vector<torch::Tensor> &parts) {
    torch::Tensor d = torch::cat(parts, 0).to(torch::kFloat64);
    d = d - d.mean({0, 2, 3}, true);
    d = d / d.std({0, 2, 3}, /*unbiased=*/false, /*keepdim=*/true).clamp_min(1e-12);
    return d.reshape({d.size(0), -1});
}

} // namespace

struct SwdDescriptors::Impl {
    SwdOptions options;
    int levels = 0;
    std::int64_t images = 0;
    at::Generator generator;
    std::vector<std::vector<torch::Tensor>> perLevel; // [patches, 3, size, size] each
};

SwdDescriptors::SwdDescriptors(const SwdOptions &options) : m_impl(std::make_unique<Impl>()) {
    if (options.minResolution < options.patchSize || options.resolution < options.minResolution ||
        options.patchesPerImage < 1 || options.directionRepeats < 1 ||
        options.directionsPerRepeat < 1)
        throw ConfigError("SWD options: need patch size <= min resolution <= resolution and "
                          "positive counts");
    m_impl->options = options;
    for (int r = options.resolution; r >= options.minResolution; r /= 2)
        ++m_impl->levels;
    m_impl->generator = at::detail::createCPUGenerator(options.seed);
    m_impl->perLevel.resize(m_impl->levels);
}

SwdDescriptors::~SwdDescriptors() = default;
SwdDescriptors::SwdDescriptors(SwdDescriptors &&) noexcept = default;
SwdDescriptors &SwdDescriptors::operator=(SwdDescriptors &&) noexcept = default;

void SwdDescriptors::add(const Image &image) {
    torch::NoGradGuard noGrad;
    const SwdOptions &o = m_impl->options;
    const std::vector<torch::Tensor> pyramid =
        laplacianPyramid(imageTensor(image, o.resolution), m_impl->levels);
    const int half = o.patchSize / 2;
    for (int level = 0; level < m_impl->levels; ++level) {
        const torch::Tensor &plane = pyramid[level][0]; // [3, h, w]
        const int64_t h = plane.size(1), w = plane.size(2);
        // Karras: centres uniform in [half, side - half), whole patches inside the level.
        const torch::Tensor ys = torch::randint(half, h - half, {o.patchesPerImage},
                                                m_impl->generator, torch::kLong);
        const torch::Tensor xs = torch::randint(half, w - half, {o.patchesPerImage},
                                                m_impl->generator, torch::kLong);
        const torch::Tensor offsets = torch::arange(-half, half + 1, torch::kLong);
        const torch::Tensor rows = (ys.unsqueeze(1) + offsets.unsqueeze(0)); // [P, size]
        const torch::Tensor cols = (xs.unsqueeze(1) + offsets.unsqueeze(0));
        // plane[:, rows[p][i], cols[p][j]] for every patch p -> [P, 3, size, size]
        const torch::Tensor index = (rows.unsqueeze(2) * w + cols.unsqueeze(1)).reshape({-1});
        torch::Tensor patches = plane.reshape({3, h * w}).index_select(1, index);
        patches = patches.reshape({3, o.patchesPerImage, o.patchSize, o.patchSize})
                      .permute({1, 0, 2, 3})
                      .contiguous();
        m_impl->perLevel[level].push_back(patches);
    }
    ++m_impl->images;
}

std::int64_t SwdDescriptors::images() const { return m_impl->images; }
const SwdOptions &SwdDescriptors::options() const { return m_impl->options; }

SwdResult slicedWassersteinDistance(const SwdDescriptors &a, const SwdDescriptors &b) {
    const SwdOptions &o = a.options();
    const SwdOptions &ob = b.options();
    if (a.images() == 0 || b.images() == 0)
        throw ConfigError("SWD needs at least one image in each set");
    if (o.resolution != ob.resolution || o.minResolution != ob.minResolution ||
        o.patchSize != ob.patchSize || o.patchesPerImage != ob.patchesPerImage)
        throw ConfigError("SWD descriptor sets were built with different options");
    torch::NoGradGuard noGrad;
    at::Generator generator = at::detail::createCPUGenerator(o.seed + 1);
    SwdResult result;
    for (size_t level = 0; level < a.impl().perLevel.size(); ++level) {
        torch::Tensor da = finalised(a.impl().perLevel[level]);
        torch::Tensor db = finalised(b.impl().perLevel[level]);
        const int64_t n = std::min(da.size(0), db.size(0));
        if (da.size(0) > n)
            da = da.index_select(0, torch::randperm(da.size(0), generator, torch::kLong).narrow(0, 0, n));
        if (db.size(0) > n)
            db = db.index_select(0, torch::randperm(db.size(0), generator, torch::kLong).narrow(0, 0, n));
        double sum = 0;
        for (int r = 0; r < o.directionRepeats; ++r) {
            torch::Tensor dirs =
                torch::randn({da.size(1), o.directionsPerRepeat}, generator, torch::kFloat64);
            dirs = dirs / dirs.square().sum(0, true).sqrt();
            const torch::Tensor pa = std::get<0>(torch::matmul(da, dirs).sort(0));
            const torch::Tensor pb = std::get<0>(torch::matmul(db, dirs).sort(0));
            sum += (pa - pb).abs().mean().item<double>();
        }
        result.perLevel.push_back(sum / o.directionRepeats * 1e3);
    }
    double total = 0;
    for (double d : result.perLevel)
        total += d;
    result.mean = total / result.perLevel.size();
    return result;
}

} // namespace cgs
