#pragma once

// The legacy format of `torch.save` (PyTorch < 1.6, or `_use_new_zipfile_serialization=False`):
// pickles of the magic number, the protocol version and sys_info, then the state-dict pickle
// whose persistent ids name storages, then a pickle of the list of storage keys, then for
// each key an 8-byte little-endian element count and the raw bytes (internal to the engine).

#include "core/engine/official/official_weights.h"

#include <string>

namespace cgs::official {

// True when `head` (the first bytes of a file) starts with the legacy magic-number pickle.
bool looksLikeLegacy(const std::string &head);

// Reads the state dict of a legacy-format file held in `bytes`. Throws FormatError.
StateDict readLegacyStateDict(const std::string &bytes);

} // namespace cgs::official
