#pragma once

#include "app/cli/exit_codes.h"
#include "core/engine/error.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace cgs::cli {

// A subcommand: registered on the root app; run() is called when it was chosen.
struct Command {
    CLI::App *app = nullptr;
    std::function<int()> run;
};

Command addTrainCommand(CLI::App &root);
Command addBenchCommand(CLI::App &root);
Command addTranslateCommand(CLI::App &root);
Command addConvertCommand(CLI::App &root);
Command addEvalCommand(CLI::App &root);
// `cyclegan download model|dataset|list` (app/download; only where Qt 6 Network was found).
Command addDownloadCommand(CLI::App &root);

// Maps the current exception (inside a catch block) to a message on stderr ("error: ...", or
// "Stopped." when cancelled) and the exit code of its kind (exitCodeFor).
int reportException();

// Opens the model the user named on the command line (translate --model, convert's input): a
// CheckpointError there is the user's input to fix and leaves as a ConfigError with the same
// message (exit 1, as a bad option), whereas a damaged checkpoint of a run that train or eval
// reads stays a CheckpointError (exit 4).
template <class Open> auto openNamedModel(Open &&open) -> decltype(open()) {
    try {
        return open();
    } catch (const CheckpointError &e) {
        throw ConfigError(e.what());
    }
}

// Makes SIGINT / SIGTERM call `onSignal` (from a normal thread, see StopSignalWatcher) until
// the process ends; a second signal takes the default action. For commands that stop through
// a flag; one call per process.
void installStopHandler(std::function<void()> onSignal);

// "1h 02m", "3m 20s", "12s"
std::string formatDuration(double seconds);

} // namespace cgs::cli
