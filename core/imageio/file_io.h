#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// Replaces (or creates) the file at `path` with `bytes` so that readers only ever see the old
// content or the complete new one: writes "<path>.part-<random>" in the same folder, fsyncs
// it, renames it over `path`, then fsyncs the folder. On any failure the part file is removed
// and the previous file is untouched. A kill mid-way can leave only a stray ".part-" file.
// Throws IoError "Cannot write '<path>': <cause>" (cause from errno: "Permission denied",
// "No space left on device", "No such file or directory", ...). `what` replaces "write" in the
// message, e.g. "write image".
void writeBytesAtomically(const std::string &path, const std::vector<std::uint8_t> &bytes,
                          const std::string &what = "write");

// Reads a whole file (at most 2 GiB). Throws DatasetError "Cannot read image '<path>': cannot open
// file
// (<cause>)" or "...: file is larger than 2 GiB", with `what` in place of "read image".
std::vector<std::uint8_t> readFileBytes(const std::string &path, const std::string &what);

} // namespace cgs
