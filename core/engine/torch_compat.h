#pragma once

// The one place where LibTorch version differences live (Debian's 1.13 CPU build and the
// official 2.x CUDA builds). Everything else in the engine uses these helpers.

#include <torch/torch.h>
#include <torch/version.h>
#include <ATen/autocast_mode.h>

#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <type_traits>
#include <map>
#include <mutex>
#include <vector>

#if defined(CGS_WITH_CUDA)
#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
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

// Memory and compute capability of CUDA device `index` (zeros without CUDA).
struct CudaDeviceFacts {
    std::string name;
    long long memoryBytes = 0;
    int major = 0, minor = 0;
};
inline CudaDeviceFacts cudaDeviceFacts(int index) {
    CudaDeviceFacts facts;
#if defined(CGS_WITH_CUDA)
    const cudaDeviceProp *prop = at::cuda::getDeviceProperties(index);
    facts.name = prop->name;
    facts.memoryBytes = static_cast<long long>(prop->totalGlobalMem);
    facts.major = prop->major;
    facts.minor = prop->minor;
#else
    facts.name = "CUDA device " + std::to_string(index);
#endif
    return facts;
}

// The CUDA runtime version the build was compiled against, as "13.0"; "" without CUDA.
inline std::string cudaBuildVersion() {
#if defined(CGS_WITH_CUDA) && defined(CUDART_VERSION)
    return std::to_string(CUDART_VERSION / 1000) + "." + std::to_string(CUDART_VERSION % 1000 / 10);
#else
    return {};
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

namespace detail {
template <typename Key> Key stateKey(c10::TensorImpl *impl) {
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream s; // 1.13: c10::guts::to_string(impl), the pointer printed
        s << static_cast<const void *>(impl);
        return s.str();
    } else {
        return impl; // 2.x: the TensorImpl pointer itself
    }
}
} // namespace detail

// The key of parameter `p` in torch::optim::Optimizer::state() (1.13: the TensorImpl address as
// a string; 2.x: the address).
inline auto optimizerStateKey(const torch::Tensor &p) {
    using State = std::decay_t<decltype(std::declval<torch::optim::Optimizer &>().state())>;
    return detail::stateKey<typename State::key_type>(p.unsafeGetTensorImpl());
}

// One Adam step (no weight decay, no amsgrad) for parameters whose step count `step` and
// learning rate `lr` are float64 scalar tensors on their device: increments `step`, then
// updates `expAvg`, `expAvgSq` and `params` in place, without a host synchronisation.
// On the CPU (every version): per parameter tensor ops, with the bias corrections in double as
// LibTorch's torch::optim::Adam computes them on the host, so the result is bit for bit that
// optimizer's (a training is chaotic enough that fp32 bias corrections drift from it by
// percents within 20 steps). On CUDA from 2.4 on: PyTorch's fused Adam (tensor learning rate,
// fp32 step count, as PyTorch's own fused/capturable Adam).
inline void capturableAdamStep(const std::vector<torch::Tensor> &params,
                               const std::vector<torch::Tensor> &grads,
                               const std::vector<torch::Tensor> &expAvg,
                               const std::vector<torch::Tensor> &expAvgSq, torch::Tensor &step,
                               const torch::Tensor &lr, double beta1, double beta2, double eps) {
    if (params.empty())
        return;
    step.add_(1);
#if CGS_TORCH_AT_LEAST(2, 4)
    if (params.front().is_cuda()) {
        const std::vector<torch::Tensor> steps(params.size(), step.to(torch::kFloat));
        at::_fused_adam_(params, grads, expAvg, expAvgSq, {}, steps, lr.to(torch::kFloat),
                         beta1, beta2, 0.0, eps, /*amsgrad=*/false, /*maximize=*/false);
        return;
    }
#endif
    // The steps of torch::optim::Adam::step(), with its host doubles as 0-dim double tensors
    // (a float tensor combined with one computes in float, as with a double Scalar).
    const auto negStepSize = -lr / (1 - torch::pow(beta1, step));
    const auto bias2Sqrt = (1 - torch::pow(beta2, step)).sqrt();
    for (size_t i = 0; i < params.size(); ++i) {
        expAvg[i].mul_(beta1).add_(grads[i], 1 - beta1);
        expAvgSq[i].mul_(beta2).addcmul_(grads[i], grads[i], 1 - beta2);
        const auto denom = (expAvgSq[i].sqrt() / bias2Sqrt).add_(eps);
        params[i].add_(expAvg[i] * negStepSize / denom); // addcdiv_'s order: (value·m)/denom
    }
}

// Whether this build can capture CUDA graphs (LibTorch with CUDA).
inline bool cudaGraphsBuilt() {
#if defined(CGS_WITH_CUDA)
    return true;
#else
    return false;
#endif
}

// One CUDA graph of a piece of work with fixed shapes and addresses. Warm-up runs
// (runOnSideStream) and the capture happen on a side stream of `device`, as CUDA requires,
// with the device synchronised around them; capture() records the work without running it;
// replay() launches the recording on the current stream. Builds without CUDA throw c10::Error
// from runOnSideStream() and capture(). Not thread safe.
class CudaGraph {
public:
    void runOnSideStream(const torch::Device &device, const std::function<void()> &work) {
        onSideStream(device, work);
    }
    void capture(const torch::Device &device, const std::function<void()> &work) {
#if defined(CGS_WITH_CUDA)
        m_graph = std::make_unique<at::cuda::CUDAGraph>();
        onSideStream(device, [&] {
            m_graph->capture_begin();
            work();
            m_graph->capture_end();
        });
#else
        onSideStream(device, work);
#endif
    }
    void replay() {
#if defined(CGS_WITH_CUDA)
        TORCH_CHECK(m_graph, "CudaGraph::replay() before capture()");
        m_graph->replay();
#endif
    }
    bool captured() const {
#if defined(CGS_WITH_CUDA)
        return m_graph != nullptr;
#else
        return false;
#endif
    }

private:
#if defined(CGS_WITH_CUDA)
    std::unique_ptr<at::cuda::CUDAGraph> m_graph;
#endif
    static void onSideStream(const torch::Device &device, const std::function<void()> &work) {
#if defined(CGS_WITH_CUDA)
        TORCH_CHECK(device.is_cuda(), "CUDA graphs need a CUDA device, not ", device.str());
        const auto index = device.index() < 0 ? c10::DeviceIndex(0) : device.index();
        c10::cuda::CUDAGuard deviceGuard(index);
        torch::cuda::synchronize(index);
        {
            c10::cuda::CUDAStreamGuard streamGuard(c10::cuda::getStreamFromPool(false, index));
            work();
        }
        torch::cuda::synchronize(index);
#else
        (void)device;
        (void)work;
        TORCH_CHECK(false, "CUDA graphs need a LibTorch with CUDA; this build has none");
#endif
    }
};

// The CPU instance norm of LibTorch 1.13 and of 2.11 returns a wrong input gradient for a
// channels-last input of batch 1 whose incoming gradient is channels-last too (relative error
// about 1.4 against float64; batches of 2 and more are right). In 2.11 a --channels_last
// generator reaches that case and trains on wrong gradients (5 to 140 % off); in 1.13 an
// earlier test comparing losses after three steps did not see it, but the fault is the same, so
// both run NCHW. Possibly related: pytorch/pytorch pull 194616 (channels-last instance norm).
// Probed once per device type on a fixed 1x8x6x6 tensor (no random numbers drawn: seeded runs
// stay bit-exact), so a release that fixes it gets NHWC back. Thread-safe.
inline bool instanceNormChannelsLastBackwardWorks(const torch::Device &device) {
    static std::mutex mutex;
    static std::map<int, bool> probed;
    const std::lock_guard<std::mutex> lock(mutex);
    const int key = static_cast<int>(device.type());
    if (const auto it = probed.find(key); it != probed.end())
        return it->second;
    const auto options = torch::TensorOptions().dtype(torch::kFloat).device(device);
    const auto x = torch::sin(torch::arange(288, options) * 0.37).reshape({1, 8, 6, 6});
    const auto w = torch::cos(torch::arange(288, options) * 0.91).reshape({1, 8, 6, 6});
    torch::Tensor grads[2];
    for (int channelsLast = 0; channelsLast < 2; ++channelsLast) {
        const auto format =
            channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        const auto xi = x.contiguous(format).detach().requires_grad_(true);
        const auto y = torch::instance_norm(xi, {}, {}, {}, {}, true, 0.1, 1e-5, false);
        grads[channelsLast] = torch::autograd::grad({(y * w.contiguous(format)).sum()}, {xi})[0];
    }
    const bool works =
        (grads[0] - grads[1]).norm().item<double>() <= 1e-3 * grads[0].norm().item<double>();
    probed[key] = works;
    return works;
}

} // namespace cgs::compat
