#pragma once

// The one place where LibTorch version differences live (Debian's 1.13 CPU build and the
// official 2.x CUDA builds). Everything else in the engine uses these helpers.

#include <torch/torch.h>
#include <torch/version.h>
#include <ATen/autocast_mode.h>

#include <string>

#if defined(CGS_WITH_CUDA)
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#define CGS_TORCH_AT_LEAST(major, minor)                                                           \
    (TORCH_VERSION_MAJOR > (major) ||                                                              \
     (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace cgs::compat {

inline std::string torchVersionString() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

inline std::string cudaDeviceName(int index) {
#if defined(CGS_WITH_CUDA)
    const cudaDeviceProp *prop = at::cuda::getDeviceProperties(index);
    char mem[32];
    std::snprintf(mem, sizeof mem, " (%.1f GB)", prop->totalGlobalMem / 1e9);
    return std::string(prop->name) + mem;
#else
    return "CUDA device " + std::to_string(index);
#endif
}

// Exact snapshot of the default CPU generator, as a uint8 tensor (both versions).
inline torch::Tensor cpuRngState() {
    return at::detail::getDefaultCPUGenerator().get_state();
}

inline void setCpuRngState(const torch::Tensor &state) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

inline void cudaSynchronize(int index) {
#if defined(CGS_WITH_CUDA)
    torch::cuda::synchronize(index);
#else
    (void)index;
#endif
}

inline void resetPeakMemory(const torch::Device &device) {
#if defined(CGS_WITH_CUDA)
    if (device.is_cuda())
        c10::cuda::CUDACachingAllocator::resetPeakStats(device.index());
#else
    (void)device;
#endif
}

inline double peakMemoryMb(const torch::Device &device) {
#if defined(CGS_WITH_CUDA)
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
        // Index 0 is the AGGREGATE stat in every version (the enum moved between releases).
        return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);
    }
#endif
    (void)device;
    return 0;
}

// Mixed precision for the forward passes in its scope (autocast), on `device`'s type, with
// `dtype` (kBFloat16 or kHalf); does nothing for kFloat. Restores the previous state.
class AutocastGuard {
public:
    AutocastGuard(const torch::Device &device, torch::ScalarType dtype)
        : m_cuda(device.is_cuda()), m_active(dtype != torch::kFloat) {
        if (!m_active)
            return;
#if CGS_TORCH_AT_LEAST(2, 4)
        const auto type = m_cuda ? at::kCUDA : at::kCPU;
        m_wasEnabled = at::autocast::is_autocast_enabled(type);
        m_oldDtype = at::autocast::get_autocast_dtype(type);
        at::autocast::set_autocast_enabled(type, true);
        at::autocast::set_autocast_dtype(type, dtype);
#else
        m_wasEnabled = m_cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
        m_oldDtype = m_cuda ? at::autocast::get_autocast_gpu_dtype()
                            : at::autocast::get_autocast_cpu_dtype();
        if (m_cuda) {
            at::autocast::set_enabled(true);
            at::autocast::set_autocast_gpu_dtype(dtype);
        } else {
            at::autocast::set_cpu_enabled(true);
            at::autocast::set_autocast_cpu_dtype(dtype);
        }
#endif
        at::autocast::increment_nesting();
    }
    ~AutocastGuard() {
        if (!m_active)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
#if CGS_TORCH_AT_LEAST(2, 4)
        const auto type = m_cuda ? at::kCUDA : at::kCPU;
        at::autocast::set_autocast_enabled(type, m_wasEnabled);
        at::autocast::set_autocast_dtype(type, m_oldDtype);
#else
        if (m_cuda) {
            at::autocast::set_enabled(m_wasEnabled);
            at::autocast::set_autocast_gpu_dtype(m_oldDtype);
        } else {
            at::autocast::set_cpu_enabled(m_wasEnabled);
            at::autocast::set_autocast_cpu_dtype(m_oldDtype);
        }
#endif
    }
    AutocastGuard(const AutocastGuard &) = delete;
    AutocastGuard &operator=(const AutocastGuard &) = delete;

private:
    bool m_cuda;
    bool m_active;
    bool m_wasEnabled = false;
    torch::ScalarType m_oldDtype = torch::kFloat;
};

} // namespace cgs::compat
