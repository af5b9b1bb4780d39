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

std::vector<torch::Tensor> ImagePool::storedImages() const {
    std::vector<torch::Tensor> images;
    images.reserve(m_images.size());
    for (const auto &image : m_images)
        images.push_back(image.to(torch::kCPU).contiguous());
    return images;
}

void ImagePool::loadStoredImages(const std::vector<torch::Tensor> &images,
                                 const torch::Device &device) {
    m_images.clear();
    for (const auto &image : images) {
        if (static_cast<int>(m_images.size()) >= m_poolSize)
            break;
        const auto batch = image.dim() == 3 ? image.unsqueeze(0) : image;
        m_images.push_back(batch.to(device).clone());
    }
}

} // namespace cgs
