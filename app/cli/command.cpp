#include "app/cli/command.h"

#include "app/cli/stop_signal_watcher.h"
#include "core/engine/error.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>

namespace cgs::cli {

int reportException() {
    try {
        throw;
    } catch (const std::exception &e) {
        const ErrorKind kind = errorKindOf(e);
        if (kind == ErrorKind::Cancelled)
            std::cerr << "Stopped.\n";
        else
            std::cerr << "error: " << e.what() << "\n";
        return exitCodeFor(kind);
    } catch (...) {
        std::cerr << "error: unknown error\n";
        return exitCodeFor(ErrorKind::Other);
    }
}

void installStopHandler(std::function<void()> onSignal) {
    static std::unique_ptr<StopSignalWatcher> watcher; // joined when the process exits
    watcher.reset();
    watcher = std::make_unique<StopSignalWatcher>(std::move(onSignal));
}

Direction parseDirection(const std::string &text, const char *option) {
    std::string s = text;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s == "atob" || s == "a2b")
        return Direction::AToB;
    if (s == "btoa" || s == "b2a")
        return Direction::BToA;
    throw ConfigError(std::string(option) + " '" + text + "' is not AtoB or BtoA (A2B, B2A)");
}

void printWarnings(const std::vector<std::string> &warnings) {
    for (const auto &w : warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    std::fflush(stderr);
}

std::string formatDuration(double seconds) {
    if (!(seconds >= 0) || seconds > 1e9)
        return "?";
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ldh %02ldm", s / 3600, (s / 60) % 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%ldm %02lds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", s);
    return buf;
}

} // namespace cgs::cli
