#include "core/engine/dist/gradient_reducer.h"

#include <chrono>

namespace cgs {

GradientReducer::GradientReducer(ProcessGroup &group, std::vector<torch::Tensor> parameters,
                                 std::int64_t bucketBytes)
    : m_group(group), m_parameters(std::move(parameters)) {
    std::int64_t filled = 0;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        const auto &p = m_parameters[i];
        const std::int64_t size = p.numel() * static_cast<std::int64_t>(p.element_size());
        const bool fits = !m_buckets.empty() && filled + size <= bucketBytes &&
                          m_parameters[m_buckets.back().members.front()].dtype() == p.dtype() &&
                          m_parameters[m_buckets.back().members.front()].device() == p.device();
        if (!fits) {
            m_buckets.emplace_back();
            filled = 0;
        }
        m_buckets.back().members.push_back(i);
        filled += size;
    }
    for (auto &b : m_buckets) {
        std::int64_t n = 0;
        for (size_t i : b.members)
            n += m_parameters[i].numel();
        b.flat = torch::zeros({n}, m_parameters[b.members.front()].options());
    }
}

void GradientReducer::averageGradients() {
    const auto start = std::chrono::steady_clock::now();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> flats;
    for (auto &b : m_buckets) {
        std::int64_t offset = 0;
        for (size_t i : b.members) {
            const auto &p = m_parameters[i];
            auto slice = b.flat.narrow(0, offset, p.numel());
            if (p.grad().defined())
                slice.copy_(p.grad().reshape({-1}));
            else
                slice.zero_();
            offset += p.numel();
        }
        flats.push_back(b.flat);
    }
    m_group.allReduceSum(flats);
    const double scale = 1.0 / m_group.worldSize();
    for (auto &b : m_buckets) {
        b.flat.mul_(scale);
        std::int64_t offset = 0;
        for (size_t i : b.members) {
            auto &p = m_parameters[i];
            auto slice = b.flat.narrow(0, offset, p.numel()).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(slice);
            else
                p.mutable_grad() = slice.clone();
            offset += p.numel();
        }
    }
    m_lastSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace cgs
