#pragma once

#include <torch/torch.h>

#include <string>

namespace cgs {

// Parses auto | cpu | cuda | cuda:N into a Torch device. Throws DeviceError.
torch::Device resolveDevice(const std::string &spec);

// Sets LibTorch's intra-op thread count when cpuThreads > 0 (process-wide).
void applyCpuThreads(int cpuThreads);

} // namespace cgs
