// cyclegan: the command-line twin of CycleGAN Studio. Parses, runs one subcommand, maps
// errors to exit codes (the table in app/cli/exit_codes.h).
#include "app/cli/command.h"
#include "core/engine/file_size_limit.h"
#include "core/engine/thread_env.h"

#include <iostream>
#include <vector>

int main(int argc, char **argv) {
    cgs::ensurePassiveOpenMpWait(argv);
    cgs::ignoreFileSizeLimitSignal(); // write errors come back as errors (EFBIG), not a kill
    CLI::App root{"cyclegan: unpaired image-to-image translation (CycleGAN) on the CPU or a CUDA "
                  "GPU.\nExit codes: 0 ok, 1 usage/config, 2 some inputs failed, 3 dataset, "
                  "4 checkpoint, 5 device, 6 training (NaN/Inf or other numerical failure), 7 disk/io, "
                  "8 multi-process job (a rank died, hung or could not join), 130 interrupted (Ctrl-C or SIGTERM; train and translate alike)."};
    root.require_subcommand(1);
    // As Python's argparse: a repeated option takes its last value (scripts append overrides).
    root.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    root.set_version_flag("--version", "cyclegan " CGS_CLI_VERSION);
    std::vector<cgs::cli::Command> commands = {
#ifndef CGS_CLI_ENGINE_ONLY // the engine-only build (GPU servers without OpenCV) has bench only
        cgs::cli::addTrainCommand(root),
        cgs::cli::addTranslateCommand(root),
        cgs::cli::addConvertCommand(root),
        cgs::cli::addEvalCommand(root),
        cgs::cli::addTestCommand(root),
#endif
#ifdef CGS_CLI_HAS_DOWNLOAD
        cgs::cli::addDownloadCommand(root),
#endif
        cgs::cli::addBenchCommand(root),
        cgs::cli::addDevicesCommand(root),
    };
    try {
        root.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        return root.exit(e) == 0 ? 0 : cgs::cli::kExitUsage;
    }
    // One boundary for everything a command throws: each error category -> message + code.
    try {
        for (const auto &command : commands)
            if (command.app->parsed())
                return command.run();
    } catch (...) {
        return cgs::cli::reportException();
    }
    return cgs::cli::kExitUsage;
}
