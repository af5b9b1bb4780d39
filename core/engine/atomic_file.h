#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cgs {

// Writes `contents` to `path` atomically: a new "<path>.part-<random>" in the same folder,
// flushed to disk, renamed over `path`, then the folder flushed. On failure the part file is
// removed, the old file is untouched and IoError "Cannot <what> '<path>': <cause>" names the
// cause (errno text: "No space left on device", "Permission denied", ...). A kill mid-way can
// leave only a stray ".part-" file, never a half-written `path`.
void writeFileAtomically(const std::string &path, const void *data, std::size_t size,
                         const std::string &what = "write");
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
