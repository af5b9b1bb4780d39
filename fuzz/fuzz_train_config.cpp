// libFuzzer target: a run folder's config.json reader (cgs::trainOptionsFromJson: JSON parse, the
// option table, per-option types, TrainOptions::validate). Any input must give options that
// pass validate() again and survive a toJson round trip, or a cgs::Error (ConfigError);
// anything else (another exception, a crash, UB) is a finding.
#include "core/engine/error.h"
#include "core/engine/train/train_options.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    cgs::TrainOptions options;
    try {
        options = cgs::trainOptionsFromJson(text);
    } catch (const cgs::Error &) {
        return 0;
    }
    // Accepted options must stay accepted: written back and read again they are the same.
    const std::string written = cgs::toJson(options);
    if (cgs::toJson(cgs::trainOptionsFromJson(written)) != written)
        __builtin_trap();
    return 0;
}
