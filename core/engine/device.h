#pragma once

#include <string>

namespace cgs {

// Facts about the compute devices, for status bars and --help; no Torch types.
struct DeviceStatus {
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::string description; // "NVIDIA H100 80GB HBM3 (79.1 GB), CUDA" or "CPU (2 threads)"
};

// Resolves a device spec (auto | cpu | cuda | cuda:N) and describes it. Throws
// DeviceUnavailableError (a DeviceError) for an unknown spec or a CUDA device that is not there.
DeviceStatus describeDevice(const std::string &spec = "auto", int cpuThreads = 0);

// Version strings of the libraries the engine was built with: "LibTorch 1.13.0".
std::string torchVersion();
std::string engineVersion(); // CycleGAN Studio's own version

} // namespace cgs
