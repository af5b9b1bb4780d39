#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

// Writing: cgs::writeFileAtomically (core/engine/atomic_file.h).

// Reads a whole file (at most 2 GiB). Throws DatasetError "Cannot read image '<path>': cannot open
// file
// (<cause>)" or "...: file is larger than 2 GiB", with `what` in place of "read image".
std::vector<std::uint8_t> readFileBytes(const std::string &path, const std::string &what);

// The lower-case extension of the file name without the dot ("png", "mp4"), "" when there is none.
std::string lowerExtension(const std::string &path);

} // namespace cgs
