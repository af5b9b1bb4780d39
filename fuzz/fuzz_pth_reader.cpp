// libFuzzer target: the official .pth reader (readStateDictFile: format detection, the zip
// container, the legacy format, the pickle VM, storages and tensor rebuilding). The input is
// written to a temporary file, as the reader takes a path. Any input must give a state dict or
// a cgs::Error (CheckpointError); anything else (c10::Error, a crash, UB) is a finding.
#include "core/engine/error.h"
#include "core/engine/official/official_weights.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {
std::string inputPath() {
    static const std::string path = "/tmp/cgs_fuzz_pth_" + std::to_string(::getpid()) + ".pth";
    return path;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    FILE *f = std::fopen(inputPath().c_str(), "wb");
    if (!f)
        return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        std::string format;
        const cgs::StateDict dict = cgs::readStateDictFile(inputPath(), &format);
        for (const auto &[key, tensor] : dict)
            if (!tensor.defined())
                __builtin_trap(); // every entry must hold a tensor
    } catch (const cgs::Error &) {
    }
    return 0;
}
