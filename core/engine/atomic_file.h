#pragma once

#include <cstdint>
#include <string>

namespace cgs {

// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
// then renamed over `path`. On failure the old file is untouched and IoError names the path
// and the cause (errno text: "No space left on device", "Permission denied", ...).
void writeFileAtomically(const std::string &path, const std::string &contents);

// Appends `line` to a text file (creating it) and flushes. Throws IoError.
void appendLine(const std::string &path, const std::string &line);

// Reads a whole file. Throws IoError naming the path.
std::string readFile(const std::string &path);

// Flushes a file's data to disk (fsync); throws IoError.
void syncFile(const std::string &path);
// Flushes a folder entry (after renames) to disk; errors ignored (not all filesystems allow it).
void syncFolder(const std::string &path);

// FNV-1a 64-bit checksum of a file's bytes, as 16 hex digits. Throws IoError.
std::string fileChecksum(const std::string &path);

} // namespace cgs
