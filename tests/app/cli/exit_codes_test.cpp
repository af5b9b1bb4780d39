// The table from error kinds to exit codes: every kind has the code that `cyclegan --help`
// and README document, the boundary reports through it, and --help names every code.
#include "app/cli/command.h"
#include "app/cli/exit_codes.h"
#include "core/engine/dist/distributed_error.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

using namespace cgs;
using cgs::cli::exitCodeFor;

namespace {

// reportException() for `e`, as the CLI's boundary calls it.
template <class E> int reported(const E &e) {
    try {
        throw e;
    } catch (...) {
        return cli::reportException();
    }
}

std::string helpText() {
    std::string out;
    FILE *p = popen((std::string("'") + CGS_CLI_PATH + "' --help 2>&1").c_str(), "r");
    if (!p)
        return out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        out.append(buf, n);
    pclose(p);
    return out;
}

} // namespace

TEST(ExitCodes, EveryErrorKindHasItsDocumentedCode) {
    // "Exit codes: 0 ok, 1 usage/config, 2 some inputs failed, 3 dataset, 4 checkpoint,
    // 5 device, 6 training, 7 disk/io, 8 multi-process job, 130 interrupted" (cyclegan --help).
    EXPECT_EQ(exitCodeFor(ErrorKind::Config), 1);
    EXPECT_EQ(exitCodeFor(ErrorKind::Dataset), 3);
    EXPECT_EQ(exitCodeFor(ErrorKind::Checkpoint), 4);
    EXPECT_EQ(exitCodeFor(ErrorKind::DeviceUnavailable), 5);
    EXPECT_EQ(exitCodeFor(ErrorKind::Device), 5);
    EXPECT_EQ(exitCodeFor(ErrorKind::Training), 6);
    EXPECT_EQ(exitCodeFor(ErrorKind::Io), 7);
    EXPECT_EQ(exitCodeFor(ErrorKind::Cancelled), 130);
    EXPECT_EQ(exitCodeFor(ErrorKind::Distributed), 8);
    EXPECT_EQ(exitCodeFor(ErrorKind::Other), 1);
    const std::set<int> documented = {1, 3, 4, 5, 6, 7, 8, 130};
    for (ErrorKind kind : kErrorKinds)
        EXPECT_EQ(documented.count(exitCodeFor(kind)), 1u) << static_cast<int>(kind);
}

TEST(ExitCodes, TheBoundaryReportsEachErrorTypeThroughTheTable) {
    EXPECT_EQ(reported(ConfigError("--ngf must be in 1..1024")), 1);
    EXPECT_EQ(reported(DatasetError("no images")), 3);
    EXPECT_EQ(reported(CheckpointError("damaged")), 4);
    EXPECT_EQ(reported(DeviceUnavailableError("no CUDA")), 5);
    EXPECT_EQ(reported(DeviceError("out of memory")), 5);
    EXPECT_EQ(reported(TrainingError("NaN loss")), 6);
    EXPECT_EQ(reported(IoError("disk full")), 7);
    EXPECT_EQ(reported(Cancelled()), 130);
    EXPECT_EQ(reported(DistributedError("rank 1 died")), 8);
    EXPECT_EQ(reported(std::runtime_error("a library error")), 1);
    EXPECT_EQ(reported(42), 1); // not even an exception
}

TEST(ExitCodes, AModelNamedOnTheCommandLineThatCannotBeOpenedIsAUsageError) {
    EXPECT_EQ(reported(CheckpointError("damaged")), 4); // a run's own checkpoint
    try {
        cli::openNamedModel([]() -> int { throw CheckpointError("'x.pth' is not a model"); });
        FAIL() << "nothing thrown";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Config);
        EXPECT_STREQ(e.what(), "'x.pth' is not a model"); // the message stays
    }
    EXPECT_EQ(cli::openNamedModel([] { return 7; }), 7);
    EXPECT_THROW(cli::openNamedModel([]() -> int { throw DeviceError("out of memory"); }),
                 DeviceError); // only checkpoint errors change kind
}

TEST(ExitCodes, HelpNamesEveryCodeOfTheTable) {
    const std::string help = helpText();
    ASSERT_NE(help.find("Exit codes:"), std::string::npos) << help;
    for (ErrorKind kind : kErrorKinds) {
        const std::string code = std::to_string(exitCodeFor(kind));
        EXPECT_TRUE(help.find(" " + code + " ") != std::string::npos) << code << " in\n" << help;
    }
}
