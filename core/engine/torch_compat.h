#pragma once

// The one place where LibTorch version differences live (Debian's 1.13 CPU build and the
// official 2.x CUDA builds). Everything else in the engine uses these helpers.

#include <torch/torch.h>
#include <torch/version.h>

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

} // namespace cgs::compat
