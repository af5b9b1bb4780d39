#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace cgs::cli {

// Exit codes, one per error category (documented in `cyclegan --help`).
enum ExitCode {
    kExitOk = 0,
    kExitUsage = 1,      // bad options, config or model file
    kExitPartial = 2,    // some inputs failed (translate/export)
    kExitDataset = 3,    // dataset missing or unreadable
    kExitCheckpoint = 4, // checkpoint missing, damaged or mismatched
    kExitDevice = 5,     // device unavailable or out of memory
    kExitTraining = 6,   // NaN/Inf loss or other numerical failure
    kExitIo = 7,         // cannot write (disk full, permissions)
    kExitInterrupted = 130,
};

// A subcommand: registered on the root app; run() is called when it was chosen.
struct Command {
    CLI::App *app = nullptr;
    std::function<int()> run;
};

Command addTrainCommand(CLI::App &root);
Command addBenchCommand(CLI::App &root);
Command addTranslateCommand(CLI::App &root); Command addConvertCommand(CLI::App &root);
Command addEvalCommand(CLI::App &root);
// `cyclegan download model|dataset|list` (app/download; only where Qt 6 Network was found).
Command addDownloadCommand(CLI::App &root);

// Maps the current exception (inside a catch block) to a message on stderr and an exit code.
int reportException();

// Makes SIGINT / SIGTERM call `onSignal` (from a normal thread, see StopSignalWatcher) until
// the process ends; a second signal takes the default action. For commands that stop through
// a flag; one call per process.
void installStopHandler(std::function<void()> onSignal);

// "1h 02m", "3m 20s", "12s"
std::string formatDuration(double seconds);

} // namespace cgs::cli
