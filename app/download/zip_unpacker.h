#pragma once

#include <atomic>
#include <string>

namespace cgs::download {

// Unpacks a zip archive (libzip) into `folder` (created): folders and regular files, with
// their relative paths. Refuses entries that would land outside `folder` (absolute paths,
// "..", backslashes). Between entries, throws cgs::Cancelled once *cancel is true.
// Throws DatasetError naming the archive for a file that is not a readable zip (or an unsafe
// entry), IoError naming the file for a write failure (its text says "disk is full" for
// ENOSPC/EFBIG/EDQUOT). Leaves what it wrote on failure (the caller unpacks into a temporary
// folder and removes it). Reentrant.
void unpackZip(const std::string &archive, const std::string &folder,
               const std::atomic<bool> *cancel = nullptr);

} // namespace cgs::download
