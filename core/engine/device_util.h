#pragma once

#include <torch/torch.h>

#include <string>

namespace cgs {

// Parses auto | cpu | cuda | cuda:N into a Torch device. Throws DeviceUnavailableError (a DeviceError).
torch::Device resolveDevice(const std::string &spec);

// The thread count cpuThreads stands for: itself when > 0, else the number of cores.
int effectiveCpuThreads(int cpuThreads);

// Sets LibTorch's intra-op thread count (process-wide); 0 = all cores.
void applyCpuThreads(int cpuThreads);

} // namespace cgs
