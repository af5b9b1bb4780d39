#pragma once

// Key variants of official weight files as people have them (internal to the engine).

#include "core/engine/official/official_weights.h"

#include <string>
#include <vector>

namespace cgs {

// Brings the keys of a state dict to the official layout, and says what it changed:
//  - wrapper prefixes on every key: "module." (DataParallel / DistributedDataParallel),
//    "_orig_mod." (torch.compile), in any combination and order, are removed;
//  - a ResNet generator saved with dropout (trained without --no_dropout: nn.Dropout at
//    conv_block index 4 moves the second convolution from conv_block.5 to conv_block.6) gets
//    its conv_block.6 keys renamed to conv_block.5. Dropout has no weights and is the identity
//    at inference, so the network without it computes exactly the same translation.
// Tensors are not touched. `notes` (optional) receives one sentence per change, e.g. "saved
// with dropout (conv_block.6 keys) ...". Anything else is left for the layout checks to
// report. Pure function.
StateDict normalizeStateDictKeys(StateDict stateDict, std::vector<std::string> *notes = nullptr);

} // namespace cgs
