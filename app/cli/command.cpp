#include "app/cli/command.h"

#include "core/engine/error.h"

#include <csignal>
#include <cstdio>
#include <iostream>

namespace cgs::cli {
namespace {

std::function<void()> &stopCallback() {
    static std::function<void()> callback;
    return callback;
}

extern "C" void handleStopSignal(int sig) {
    // Second signal: let the default action end the process.
    std::signal(sig, SIG_DFL);
    if (stopCallback())
        stopCallback()(); // only sets atomics (TrainControl::requestStop is signal-safe enough)
}

} // namespace

int reportException() {
    try {
        throw;
    } catch (const Cancelled &) {
        std::cerr << "Stopped.\n";
        return kExitInterrupted;
    } catch (const ConfigError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitUsage;
    } catch (const DatasetError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitDataset;
    } catch (const CheckpointError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitCheckpoint;
    } catch (const DeviceError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitDevice;
    } catch (const TrainingError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitTraining;
    } catch (const IoError &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitIo;
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitUsage;
    }
}

void installStopHandler(std::function<void()> onSignal) {
    stopCallback() = std::move(onSignal);
    std::signal(SIGINT, handleStopSignal);
    std::signal(SIGTERM, handleStopSignal);
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
