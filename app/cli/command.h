#pragma once

#include "app/cli/exit_codes.h"
#include "core/engine/direction.h"
#include "core/engine/error.h"
#include "core/engine/translate/translator.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cgs::cli {

// A subcommand: registered on the root app; run() is called when it was chosen.
struct Command {
    CLI::App *app = nullptr;
    std::function<int()> run;
};

Command addTrainCommand(CLI::App &root);
Command addBenchCommand(CLI::App &root);
// `cyclegan devices`: the devices training can use (app/cli/devices_command.cpp).
Command addDevicesCommand(CLI::App &root);
Command addTranslateCommand(CLI::App &root);
Command addConvertCommand(CLI::App &root);
Command addEvalCommand(CLI::App &root);
// `cyclegan test`: the official test.py command line (app/cli/test_command.cpp).
Command addTestCommand(CLI::App &root);

// Translates the image files `inputs` into `outputDir` with `model`, as `cyclegan translate`
// does (model line, warnings, progress bar, summary, the same exit codes). For `cyclegan test`.
int translateFiles(const TranslatorOptions &model, const std::vector<std::string> &inputs,
                   const std::string &outputDir);
// `cyclegan download model|dataset|list` (app/download; only where Qt 6 Network was found).
Command addDownloadCommand(CLI::App &root);

// Maps the current exception (inside a catch block) to a message on stderr ("error: ...", or
// "Stopped." when cancelled) and the exit code of its kind (exitCodeFor).
int reportException();

// Opens the model the user named on the command line (translate --model, convert's input): a
// CheckpointError there is the user's input to fix and leaves as a ConfigError with the same
// message (exit 1, as a bad option), whereas a damaged checkpoint (DamagedCheckpointError, here
// or in a run that train or eval reads) stays a CheckpointError (exit 4).
template <class Open> auto openNamedModel(Open &&open) -> decltype(open()) {
    try {
        return open();
    } catch (const DamagedCheckpointError &) {
        throw;
    } catch (const CheckpointError &e) {
        throw ConfigError(e.what());
    }
}

// Makes SIGINT / SIGTERM call `onSignal` (from a normal thread, see StopSignalWatcher) until
// the process ends; a second signal takes the default action. For commands that stop through
// a flag; one call per process.
void installStopHandler(std::function<void()> onSignal);

// A direction option's value, case-insensitive: AtoB / A2B or BtoA / B2A (translate, convert,
// eval alike). Throws ConfigError naming `option` and the value.
Direction parseDirection(const std::string &text, const char *option = "--direction");

// Each of `warnings` as a "warning: ..." line on stderr (a model load's ModelInfo::warnings).
void printWarnings(const std::vector<std::string> &warnings);

// "1h 02m", "3m 20s", "12s"
std::string formatDuration(double seconds);

} // namespace cgs::cli
