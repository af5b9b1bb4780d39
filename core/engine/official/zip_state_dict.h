#pragma once

// The zip format of `torch.save` (PyTorch >= 1.6): `<archive>/data.pkl`, one record
// `<archive>/data/<key>` per storage, and `<archive>/version` (internal to the engine).

#include "core/engine/official/official_weights.h"

#include <string>

namespace cgs::official {

// True when `head` (the first bytes of a file) starts like a zip archive.
bool looksLikeZip(const std::string &head);

// Reads the state dict of a zip-format file. Throws FormatError with the cause.
StateDict readZipStateDict(const std::string &path);

// The bytes of the zip-format file of `stateDict`, as `torch.save` would write them.
std::string encodeZipStateDict(const StateDict &stateDict);

} // namespace cgs::official
