#include "core/engine/device.h"

#include "core/engine/device_util.h"
#include "core/engine/error.h"
#include "core/engine/torch_compat.h"

#include <torch/torch.h>

#include <algorithm>
#include <sstream>
#include <thread>

namespace cgs {

torch::Device resolveDevice(const std::string &spec) {
    if (spec == "cpu")
        return torch::Device(torch::kCPU);
    if (spec.empty() || spec == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (spec.rfind("cuda", 0) != 0)
        throw DeviceUnavailableError("Unknown device '" + spec +
                                     "' (use auto, cpu, cuda or cuda:N)");
    int index = 0;
    if (spec.size() > 4) {
        if (spec[4] != ':' || spec.size() == 5 ||
            spec.find_first_not_of("0123456789", 5) != std::string::npos)
            throw DeviceUnavailableError("Unknown device '" + spec +
                                         "' (use auto, cpu, cuda or cuda:N)");
        index = std::stoi(spec.substr(5));
    }
    if (!torch::cuda::is_available())
        throw DeviceUnavailableError(
            "Device '" + spec + "' was requested but CUDA is not available (this " +
            "LibTorch build has no CUDA or no GPU was found); use --device cpu");
    const int count = static_cast<int>(torch::cuda::device_count());
    if (index >= count)
        throw DeviceUnavailableError("Device '" + spec + "' does not exist: " +
                                     std::to_string(count) + " CUDA device(s) found");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

int effectiveCpuThreads(int cpuThreads) {
    if (cpuThreads > 0)
        return cpuThreads;
    // 0 means all cores: some LibTorch builds (Debian's) otherwise start with one thread.
    return std::max(1u, std::thread::hardware_concurrency());
}

void applyCpuThreads(int cpuThreads) {
    const int n = effectiveCpuThreads(cpuThreads);
    if (torch::get_num_threads() != n)
        torch::set_num_threads(n);
}

DeviceStatus describeDevice(const std::string &spec, int cpuThreads) {
    DeviceStatus status;
    status.cudaAvailable = torch::cuda::is_available();
    status.cudaDeviceCount = status.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    const torch::Device device = resolveDevice(spec);
    if (device.is_cuda()) {
        status.description = compat::cudaDeviceName(device.index()) + ", CUDA";
    } else {
        const int threads = effectiveCpuThreads(cpuThreads);
        status.description =
            "CPU (" + std::to_string(threads) + (threads == 1 ? " thread)" : " threads)");
    }
    return status;
}

std::string torchVersion() { return "LibTorch " + compat::torchVersionString(); }

std::string engineVersion() {
#ifdef CGS_VERSION
    return CGS_VERSION;
#else
    return "dev";
#endif
}

} // namespace cgs
