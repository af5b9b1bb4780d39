#include "core/engine/train/device_image_pool.h"

namespace cgs {

void DeviceImagePool::allocate(const torch::Tensor &like) {
    auto shape = like.sizes().vec();
    shape[0] = m_poolSize;
    m_buffer = torch::zeros(shape, like.options());
    m_count = torch::zeros({}, like.options().dtype(torch::kLong));
}

torch::Tensor DeviceImagePool::query(const torch::Tensor &images) {
    if (m_poolSize == 0)
        return images.detach();
    const auto n = images.size(0);
    const auto u = torch::rand({n}, images.options().dtype(torch::kFloat));
    const auto ids = torch::randint(0, m_poolSize, {n}, images.options().dtype(torch::kLong));
    return query(images, u, ids);
}

torch::Tensor DeviceImagePool::query(const torch::Tensor &imagesIn, const torch::Tensor &u,
                                     const torch::Tensor &ids) {
    const auto images = imagesIn.detach();
    if (m_poolSize == 0)
        return images;
    if (!m_buffer.defined() || !m_buffer.sizes().slice(1).equals(images.sizes().slice(1)))
        allocate(images);
    if (m_buffer.scalar_type() != images.scalar_type() || m_buffer.device() != images.device()) {
        m_buffer = m_buffer.to(images.options());
        m_count = m_count.to(images.device());
    }
    std::vector<torch::Tensor> out;
    for (std::int64_t i = 0; i < images.size(0); ++i) {
        const auto image = images.narrow(0, i, 1);
        // Everything below is a device op: the branch of the official code becomes where().
        const auto filling = m_count.lt(m_poolSize);
        const auto slot = torch::where(filling, m_count, ids[i]).reshape({1});
        const auto swap = filling.logical_not().logical_and(u[i].gt(0.5));
        const auto stored = m_buffer.index_select(0, slot);
        out.push_back(torch::where(swap, stored, image));
        m_buffer.index_copy_(0, slot, torch::where(filling.logical_or(swap), image, stored));
        m_count.add_(filling.to(torch::kLong));
    }
    return torch::cat(out, 0);
}

torch::Tensor DeviceImagePool::state() const {
    if (!m_buffer.defined())
        return torch::empty({0});
    const auto count = m_count.item<std::int64_t>();
    if (count == 0)
        return torch::empty({0});
    // A copy even on the CPU (to() alone would return a view that later queries change).
    return m_buffer.narrow(0, 0, count).to(torch::TensorOptions().device(torch::kCPU),
                                           /*non_blocking=*/false, /*copy=*/true);
}

void DeviceImagePool::loadState(const torch::Tensor &stacked, const torch::Device &device) {
    m_buffer = torch::Tensor();
    m_count = torch::Tensor();
    if (stacked.dim() != 4 || stacked.size(0) == 0 || stacked.size(0) > m_poolSize)
        return;
    allocate(stacked.to(device));
    m_buffer.narrow(0, 0, stacked.size(0)).copy_(stacked);
    m_count.fill_(stacked.size(0));
}

} // namespace cgs
