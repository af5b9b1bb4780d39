#pragma once

#include <string>
#include <vector>

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

// One device training can run on, as `cyclegan devices` and the studio's device list show it.
struct ComputeDevice {
    std::string spec;               // what --device takes: "cpu", "cuda:0"
    std::string name;               // "AMD EPYC 9R14", "NVIDIA H100 80GB HBM3"
    bool gpu = false;
    int cores = 0;                  // CPU: logical cores this process may use
    long long memoryBytes = 0;      // GPU: total memory in bytes (0 for the CPU)
    int computeMajor = 0;           // GPU: compute capability, 9.0 for an H100
    int computeMinor = 0;
    // Computes bf16 natively: a CPU with AVX512-BF16 or AMX, a GPU of compute capability 8.0
    // and up (Ampere, Hopper, ...). Where --precision bf16 is fast.
    bool bf16 = false;
    std::vector<std::string> features; // CPU: "AVX2", "AVX-512", "AVX512-BF16", "AMX"
};

// What /proc/cpuinfo says of the CPU: its model name and the features above. Pure function of
// the text (tests give their own).
struct CpuFacts {
    std::string name;
    std::vector<std::string> features;
    bool bf16 = false;
};
CpuFacts parseCpuInfo(const std::string &procCpuinfo);

// Every device this build can train on: each CUDA GPU (by index), then the CPU. Never throws.
std::vector<ComputeDevice> listDevices();

// Why an NVIDIA GPU that this machine has cannot be used for training, as one message that
// says what to do; "" when there is none or it can be used. Reads the NVIDIA driver's folder
// (`driverDir`: /proc/driver/nvidia, or $CGS_NVIDIA_DRIVER_DIR when set, for tests): a GPU is
// present when <driverDir>/gpus/ has an entry (its "information" file names the model), the
// driver's version is in <driverDir>/version. The cases:
//   - this build's LibTorch has no CUDA (Debian's libtorch): build with PyTorch's LibTorch;
//   - the build has CUDA but cannot use the GPU: the driver is older than the build's CUDA
//     needs (named when the version is known), or the device is not accessible.
// Out of memory at the chosen size is a DeviceError of the training itself (torch_failure).
std::string gpuUnavailableReason(const std::string &driverDir = {});

// The CUDA version this build was compiled against ("13.0"), "" for a build without CUDA, and
// the oldest NVIDIA driver (Linux) that version runs on ("580.65.06"), "" when unknown.
std::string buildCudaVersion();
std::string minimumDriverFor(const std::string &cudaVersion);

// Version strings of the libraries the engine was built with: "LibTorch 1.13.0".
std::string torchVersion();
std::string engineVersion(); // CycleGAN Studio's own version

} // namespace cgs
