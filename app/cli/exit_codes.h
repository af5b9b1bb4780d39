#pragma once

#include "core/engine/error.h"

namespace cgs::cli {

// Exit codes of `cyclegan`, as documented in `cyclegan --help` (app/cli/main.cpp) and README.
enum ExitCode {
    kExitOk = 0,
    kExitUsage = 1,       // bad options or config; a model that translate/convert cannot open
    kExitPartial = 2,     // some inputs failed (translate/export/eval)
    kExitDataset = 3,     // dataset missing or unreadable
    kExitCheckpoint = 4,  // checkpoint missing, damaged or mismatched
    kExitDevice = 5,      // device unavailable, failed or out of memory
    kExitTraining = 6,    // NaN/Inf loss or other numerical failure
    kExitIo = 7,          // cannot read or write (disk full, permissions)
    kExitDistributed = 8, // multi-process job: a rank died, hung or could not join
    kExitInterrupted = 130,
};

// The exit code of an error category: the one table from ErrorKind to exit codes (its rows are
// in exit_codes.cpp, checked complete at compile time). Config and Other -> 1, Dataset -> 3,
// Checkpoint -> 4, DeviceUnavailable and Device -> 5, Training -> 6, Io -> 7, Distributed -> 8,
// Cancelled -> 130.
int exitCodeFor(ErrorKind kind);

} // namespace cgs::cli
