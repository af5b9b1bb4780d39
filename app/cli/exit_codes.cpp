#include "app/cli/exit_codes.h"

#include <array>
#include <cstddef>

namespace cgs::cli {

namespace {

struct ExitCodeRow {
    ErrorKind kind;
    ExitCode code;
};

// One row per ErrorKind, in the enum's order (the static_assert below checks both).
constexpr std::array<ExitCodeRow, std::size(kErrorKinds)> kExitCodes = {{
    {ErrorKind::Config, kExitUsage},
    {ErrorKind::Dataset, kExitDataset},
    {ErrorKind::Checkpoint, kExitCheckpoint},
    {ErrorKind::DeviceUnavailable, kExitDevice},
    {ErrorKind::Device, kExitDevice},
    {ErrorKind::Training, kExitTraining},
    {ErrorKind::Io, kExitIo},
    {ErrorKind::Cancelled, kExitInterrupted},
    {ErrorKind::Distributed, kExitDistributed},
    {ErrorKind::Other, kExitUsage}, // as a bad option: the message says what failed
}};

constexpr bool coversEveryKindInOrder() {
    for (std::size_t i = 0; i < kExitCodes.size(); ++i)
        if (kExitCodes[i].kind != kErrorKinds[i])
            return false;
    return true;
}
static_assert(coversEveryKindInOrder(), "kExitCodes needs one row per ErrorKind, in order");

} // namespace

int exitCodeFor(ErrorKind kind) {
    return kExitCodes[static_cast<std::size_t>(kind)].code;
}

} // namespace cgs::cli
