#pragma once

#include <atomic>
#include <string>

namespace cgs::download {

// Checking a finished download and moving it to its final place; the second half of a
// DownloadJob, also usable alone. Blocking (a model load, an unzip): call off the GUI thread.
// Reentrant for different files.

// Loads `partFile` as a generator on the CPU (cgs::Translator: an official .pth holding one
// generator) and renames it to `finalFile`. Throws CheckpointError (the load's message) when it
// is not a generator, IoError when the rename fails; removes `partFile` when it is not a
// generator (a resume cannot repair it).
void installModel(const std::string &partFile, const std::string &finalFile);

// Unpacks the zip `partFile` into a temporary folder next to `finalFolder`, finds the dataset
// (trainA/ and trainB/ at the top or in one folder below), checks that both hold images, and
// renames it to `finalFolder` (replacing an incomplete folder there); then removes the zip.
// Throws DatasetError for a damaged zip or a missing or empty trainA/trainB (and removes
// `partFile`), IoError when writing fails (disk full), Cancelled once *cancel is true. Never
// leaves a half-unpacked folder under `finalFolder`.
void installDataset(const std::string &partFile, const std::string &finalFolder,
                    const std::atomic<bool> *cancel = nullptr);

} // namespace cgs::download
