// `cyclegan devices`: the devices training can use, by name, as the studio lists them.
#include "app/cli/command.h"

#include "core/engine/device.h"

#include <cstdio>
#include <memory>
#include <string>

namespace cgs::cli {
namespace {

std::string describe(const ComputeDevice &d) {
    char line[256];
    if (d.gpu) {
        std::snprintf(line, sizeof line, "%-7s %s, %.1f GB, compute capability %d.%d, bf16 %s",
                      d.spec.c_str(), d.name.c_str(), d.memoryBytes / 1e9, d.computeMajor,
                      d.computeMinor, d.bf16 ? "native" : "emulated (slow: use fp32)");
        return line;
    }
    std::string features;
    for (const auto &f : d.features)
        features += (features.empty() ? "" : " ") + f;
    std::snprintf(line, sizeof line, "%-7s %s, %d cores, %s, bf16 %s", d.spec.c_str(),
                  d.name.c_str(), d.cores, features.empty() ? "no AVX2" : features.c_str(),
                  d.bf16 ? "native (AVX512-BF16/AMX)" : "emulated (slow: use fp32)");
    return line;
}

int runDevices() {
    const auto devices = listDevices();
    std::printf("Devices for --device (auto picks the first):\n");
    for (const ComputeDevice &d : devices)
        std::printf("  %s\n", describe(d).c_str());
    const std::string cuda = buildCudaVersion();
    std::printf("Built with %s, %s\n", torchVersion().c_str(),
                cuda.empty() ? "without CUDA"
                             : ("CUDA " + cuda +
                                (minimumDriverFor(cuda).empty()
                                     ? std::string()
                                     : " (NVIDIA driver " + minimumDriverFor(cuda) + " or newer)"))
                                   .c_str());
    const std::string why = gpuUnavailableReason();
    if (!why.empty())
        std::printf("note: %s\n", why.c_str());
    return kExitOk;
}

} // namespace

Command addDevicesCommand(CLI::App &root) {
    CLI::App *cmd = root.add_subcommand(
        "devices", "List the devices training can use (each CUDA GPU: name, memory, compute "
                   "capability, bf16; the CPU: cores, AVX-512 / AVX512-BF16 / AMX), and why an "
                   "NVIDIA GPU of this machine cannot be used when that is so.");
    return {cmd, [] { return runDevices(); }};
}

} // namespace cgs::cli
