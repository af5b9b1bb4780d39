#include "core/engine/device.h"

#include "core/engine/device_util.h"
#include "core/engine/error.h"
#include "core/engine/torch_compat.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
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

CpuFacts parseCpuInfo(const std::string &text) {
    CpuFacts cpu;
    std::set<std::string> flags;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string key = line.substr(0, colon);
        key.erase(key.find_last_not_of(" \t") + 1);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        if (key == "model name" && cpu.name.empty())
            cpu.name = value;
        else if (key == "flags" && flags.empty()) {
            std::istringstream words(value);
            for (std::string w; words >> w;)
                flags.insert(w);
        }
    }
    const auto has = [&flags](const char *f) { return flags.count(f) > 0; };
    if (has("avx2"))
        cpu.features.push_back("AVX2");
    if (has("avx512f"))
        cpu.features.push_back("AVX-512");
    if (has("avx512_bf16"))
        cpu.features.push_back("AVX512-BF16");
    if (has("amx_bf16") || has("amx_tile"))
        cpu.features.push_back("AMX");
    cpu.bf16 = has("avx512_bf16") || has("amx_bf16");
    if (cpu.name.empty())
        cpu.name = "CPU";
    return cpu;
}

namespace {

std::string readText(const std::filesystem::path &file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "580.65.06" < "580.95" as numbers, part by part.
int compareVersions(const std::string &a, const std::string &b) {
    std::istringstream x(a), y(b);
    for (;;) {
        std::string p, q;
        const bool more = static_cast<bool>(std::getline(x, p, '.'));
        const bool moreB = static_cast<bool>(std::getline(y, q, '.'));
        if (!more && !moreB)
            return 0;
        const long u = more ? std::atol(p.c_str()) : 0, v = moreB ? std::atol(q.c_str()) : 0;
        if (u != v)
            return u < v ? -1 : 1;
    }
}

} // namespace

std::vector<ComputeDevice> listDevices() {
    std::vector<ComputeDevice> devices;
    try {
        if (torch::cuda::is_available())
            for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i) {
                const compat::CudaDeviceFacts facts = compat::cudaDeviceFacts(i);
                ComputeDevice d;
                d.spec = "cuda:" + std::to_string(i);
                d.name = facts.name;
                d.gpu = true;
                d.memoryBytes = facts.memoryBytes;
                d.computeMajor = facts.major;
                d.computeMinor = facts.minor;
                d.bf16 = facts.major >= 8;
                devices.push_back(d);
            }
    } catch (const std::exception &) {
        // A GPU that fails to answer is left out; gpuUnavailableReason() says why.
    }
    const CpuFacts cpu = parseCpuInfo(readText("/proc/cpuinfo"));
    ComputeDevice d;
    d.spec = "cpu";
    d.name = cpu.name;
    d.cores = effectiveCpuThreads(0);
    d.bf16 = cpu.bf16;
    d.features = cpu.features;
    devices.push_back(d);
    return devices;
}

std::string buildCudaVersion() { return compat::cudaBuildVersion(); }

std::string minimumDriverFor(const std::string &cudaVersion) {
    // NVIDIA's CUDA Toolkit release notes, "CUDA Toolkit and Corresponding Driver Versions"
    // (Linux, the toolkit's GA release).
    static const std::pair<const char *, const char *> kDrivers[] = {
        {"11.8", "520.61.05"}, {"12.0", "525.60.13"}, {"12.1", "530.30.02"},
        {"12.2", "535.54.03"}, {"12.4", "550.54.14"}, {"12.6", "560.28.03"},
        {"12.8", "570.26"},    {"13.0", "580.65.06"}};
    for (const auto &[cuda, driver] : kDrivers)
        if (cudaVersion == cuda)
            return driver;
    return {};
}

std::string gpuUnavailableReason(const std::string &driverDirArg) {
    namespace fs = std::filesystem;
    const char *env = std::getenv("CGS_NVIDIA_DRIVER_DIR");
    const fs::path dir = !driverDirArg.empty() ? fs::path(driverDirArg)
                         : env && *env        ? fs::path(env)
                                              : fs::path("/proc/driver/nvidia");
    std::error_code ec;
    std::string model;
    for (const auto &gpu : fs::directory_iterator(dir / "gpus", ec)) {
        std::istringstream info(readText(gpu.path() / "information"));
        for (std::string line; std::getline(info, line);)
            if (line.rfind("Model:", 0) == 0) {
                model = line.substr(6);
                model.erase(0, model.find_first_not_of(" \t"));
            }
        if (model.empty())
            model = "an NVIDIA GPU";
        break;
    }
    if (model.empty())
        return {}; // no NVIDIA GPU (or no driver loaded): nothing to explain
    const std::string cuda = buildCudaVersion();
    if (cuda.empty())
        return "This machine has " + model + ", but this build uses " + torchVersion() +
               " without CUDA (Debian's libtorch has none), so it trains on the CPU. For GPU "
               "training build with PyTorch's LibTorch, which has CUDA (README, \"On a GPU "
               "machine\").";
    bool usable = false;
    try {
        usable = torch::cuda::is_available() && torch::cuda::device_count() > 0;
    } catch (const std::exception &) {
        usable = false;
    }
    if (usable)
        return {};
    std::string driver;
    std::istringstream version(readText(dir / "version"));
    for (std::string word; version >> word;)
        if (driver.empty() && !word.empty() && std::isdigit(static_cast<unsigned char>(word[0])) &&
            word.find('.') != std::string::npos)
            driver = word;
    const std::string needed = minimumDriverFor(cuda);
    if (!driver.empty() && !needed.empty() && compareVersions(driver, needed) < 0)
        return "This machine has " + model + ", but its NVIDIA driver " + driver +
               " is older than this build's CUDA " + cuda + " needs (" + needed +
               " or newer), so training runs on the CPU. Update the NVIDIA driver.";
    return "This machine has " + model + " (NVIDIA driver " +
           (driver.empty() ? std::string("version unknown") : driver) + "), but CUDA " + cuda +
           " cannot use it, so training runs on the CPU. Check that this user may open "
           "/dev/nvidia* and that `nvidia-smi` works" +
           (needed.empty() ? std::string() : "; CUDA " + cuda + " needs driver " + needed +
                                                  " or newer") +
           ".";
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
