#include "core/engine/train/image_pool.h"

namespace cgs {

torch::Tensor ImagePool::query(const torch::Tensor &images) {
    if (m_poolSize == 0)
        return images.detach();
    std::vector<torch::Tensor> out;
    out.reserve(images.size(0));
    for (int64_t i = 0; i < images.size(0); ++i) {
        auto image = images[i].detach().unsqueeze(0);
        if (count() < m_poolSize) {
            m_images.push_back(image.clone());
            out.push_back(image);
            continue;
        }
        // Same draws as the official code: uniform p, then an index when swapping.
        const double p = torch::rand({1}, torch::kDouble).item<double>();
        if (p > 0.5) {
            const int64_t id = torch::randint(0, m_poolSize, {1}, torch::kLong).item<int64_t>();
            out.push_back(m_images[id]);
            m_images[id] = image.clone();
        } else {
            out.push_back(image);
        }
    }
    return torch::cat(out, 0);
}

torch::Tensor ImagePool::state() const {
    if (m_images.empty())
        return torch::empty({0});
    return torch::cat(m_images, 0).to(torch::kCPU).contiguous();
}

void ImagePool::loadState(const torch::Tensor &stacked, const torch::Device &device) {
    m_images.clear();
    if (stacked.dim() != 4)
        return;
    for (int64_t i = 0; i < stacked.size(0) && i < m_poolSize; ++i)
        m_images.push_back(stacked[i].unsqueeze(0).to(device).clone());
}

} // namespace cgs
