#pragma once

#include <stdexcept>
#include <string>

namespace cgs {

// Base of every error the core throws. The message names the object (file, option, tensor)
// and the cause, and is meant to be shown to a user as it is.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string &message) : std::runtime_error(message) {}
};

// An option or a combination of options is invalid ("--crop_size 300 is larger than ...").
class ConfigError : public Error {
public:
    using Error::Error;
};

// A dataset folder or image cannot be used.
class DatasetError : public Error {
public:
    using Error::Error;
};

// A checkpoint or weight file is missing, damaged, foreign or does not match the model.
class CheckpointError : public Error {
public:
    using Error::Error;
};

// The compute device failed: unknown device, CUDA unavailable, out of memory.
class DeviceError : public Error {
public:
    using Error::Error;
};

// A numerical failure during training (NaN or Inf loss).
class TrainingError : public Error {
public:
    using Error::Error;
};

// Writing a file failed (disk full, permission denied).
class IoError : public Error {
public:
    using Error::Error;
};

// The user asked to stop a long operation.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

} // namespace cgs
