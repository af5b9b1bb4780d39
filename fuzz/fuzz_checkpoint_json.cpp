// libFuzzer target: a checkpoint's manifest.json and state.json parsers. Any input must give a
// result or a CheckpointError; anything else (another exception, a crash, UB) is a finding.
#include "core/engine/checkpoint/checkpoint_manifest.h"
#include "core/engine/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        for (const auto &entry : cgs::parseManifest(text, "fuzz"))
            if (entry.name.empty() || entry.name.find('/') != std::string::npos)
                __builtin_trap(); // the parser promised plain file names
    } catch (const cgs::CheckpointError &) {
    }
    try {
        const auto state = cgs::parseCheckpointState(text, "fuzz");
        if (state.counters.iteration < 0 || state.counters.epochIteration < 0 ||
            state.counters.epoch < 0)
            __builtin_trap(); // counters are validated as non-negative
    } catch (const cgs::CheckpointError &) {
    }
    return 0;
}
