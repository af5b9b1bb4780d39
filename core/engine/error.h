#pragma once

#include <cstddef>
#include <exception>
#include <iterator>
#include <stdexcept>
#include <string>

namespace cgs {

// The category of an error: what the user has to do about it. Data for the places that
// present errors: the CLI maps each kind to its exit code (app/cli/exit_codes.h) and the studio
// to a translated summary (ui/failure_summary.h), each with one table that a test checks for
// completeness over kErrorKinds.
enum class ErrorKind {
    Config,            // an option or a combination of options is invalid
    Dataset,           // a dataset folder or image cannot be used
    Checkpoint,        // a checkpoint or weight file is missing, damaged, foreign or mismatched
    DeviceUnavailable, // the chosen device does not exist here (unknown name, no CUDA, no GPU N)
    Device,            // the device failed while working (out of memory, a CUDA error)
    Training,          // a numerical failure during training (NaN or Inf loss)
    Io,                // reading or writing a file failed (disk full, permission denied)
    Cancelled,         // the user asked to stop a long operation
    Distributed,       // a multi-process job failed: a rank died, hung or could not join
    Other,             // anything else: an exception that is no cgs::Error, or a broken promise
};

// Every kind, in declaration order (Other stays last): the tables of exit codes and summaries
// have one row per entry, so that a new kind cannot be added without its exit code and summary.
inline constexpr ErrorKind kErrorKinds[] = {
    ErrorKind::Config,      ErrorKind::Dataset,
    ErrorKind::Checkpoint,  ErrorKind::DeviceUnavailable,
    ErrorKind::Device,      ErrorKind::Training,
    ErrorKind::Io,          ErrorKind::Cancelled,
    ErrorKind::Distributed, ErrorKind::Other,
};

constexpr bool errorKindsListedInOrder() {
    for (std::size_t i = 0; i < std::size(kErrorKinds); ++i)
        if (kErrorKinds[i] != static_cast<ErrorKind>(i))
            return false;
    return kErrorKinds[std::size(kErrorKinds) - 1] == ErrorKind::Other;
}
static_assert(errorKindsListedInOrder(), "kErrorKinds lists every ErrorKind in order, Other last");

// Base of every error the core throws. The message names the object (file, option, tensor)
// and the cause, and is meant to be shown to a user as it is; kind() says its category.
// The subclasses below are thin types that fix the kind, so that code can still catch one
// category by type where it handles it (a resume that falls back on CheckpointError).
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string &message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

// The kind of any exception: kind() of a cgs::Error, ErrorKind::Other for everything else.
inline ErrorKind errorKindOf(const std::exception &e) noexcept {
    const auto *error = dynamic_cast<const Error *>(&e);
    return error ? error->kind() : ErrorKind::Other;
}

// An option or a combination of options is invalid ("--crop_size 300 is larger than ...").
class ConfigError : public Error {
public:
    explicit ConfigError(const std::string &message) : Error(ErrorKind::Config, message) {}
};

// A dataset folder or image cannot be used.
class DatasetError : public Error {
public:
    explicit DatasetError(const std::string &message) : Error(ErrorKind::Dataset, message) {}
};

// A checkpoint or weight file is missing, damaged, foreign or does not match the model.
class CheckpointError : public Error {
public:
    explicit CheckpointError(const std::string &message) : Error(ErrorKind::Checkpoint, message) {}
};

// A checkpoint file of ours whose bytes differ from what its manifest.json recorded, or that
// cannot be read as the archive it should be (truncated, overwritten): the user's model is
// damaged, which is not an option to fix. Front ends report it as a checkpoint error (exit 4)
// even where a CheckpointError about a named model is a usage error.
class DamagedCheckpointError : public CheckpointError {
public:
    explicit DamagedCheckpointError(const std::string &message) : CheckpointError(message) {}
};

// The compute device failed: out of memory, a CUDA error. DeviceUnavailableError below is
// also a DeviceError (catching DeviceError catches both).
class DeviceError : public Error {
public:
    explicit DeviceError(const std::string &message) : Error(ErrorKind::Device, message) {}

protected:
    DeviceError(ErrorKind kind, const std::string &message) : Error(kind, message) {}
};

// The requested device is not on this machine: unknown name, CUDA unavailable, no GPU N.
class DeviceUnavailableError : public DeviceError {
public:
    explicit DeviceUnavailableError(const std::string &message)
        : DeviceError(ErrorKind::DeviceUnavailable, message) {}
};

// A numerical failure during training (NaN or Inf loss).
class TrainingError : public Error {
public:
    explicit TrainingError(const std::string &message) : Error(ErrorKind::Training, message) {}
};

// Reading or writing a file failed (disk full, permission denied).
class IoError : public Error {
public:
    explicit IoError(const std::string &message) : Error(ErrorKind::Io, message) {}
};

// The user asked to stop a long operation.
class Cancelled : public Error {
public:
    Cancelled() : Error(ErrorKind::Cancelled, "cancelled") {}
};

} // namespace cgs
