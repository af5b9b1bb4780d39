#pragma once

// The state-dict layer over the pickle: persistent ids of storages, tensors rebuilt from
// storages, and the pickle `torch.save` writes for a state dict (internal to the engine).

#include "core/engine/official/official_weights.h"
#include "core/engine/official/pickle_value.h"

#include <memory>
#include <string>
#include <vector>

namespace cgs::official {

// The dtype of a storage class ("torch.FloatStorage" -> kFloat32); throws FormatError.
torch::Dtype dtypeOfStorageClass(const std::string &global);

// Parses a persistent id ('storage', <storage class>, key, location, numel[, view]) into a
// storage without data. Throws FormatError (e.g. on storage views, which we do not support).
std::shared_ptr<StorageRef> parseStoragePid(const PickleValuePtr &pid);

// Bytes of `storage` (numel x element size); throws FormatError when implausibly large.
size_t storageBytes(const StorageRef &storage);

// Turns the root value of a state-dict pickle (a dict of tensors whose storages hold their
// data) into a StateDict of contiguous tensors, checking that each view fits its storage.
// Throws FormatError ("holds a list, not a state dict", "entry 'epoch' is not a tensor", ...).
StateDict stateDictFromPickle(const PickleValuePtr &root);

// The data.pkl of `torch.save(stateDict)`: an OrderedDict whose tensors refer to storages
// "0", "1", ... in order, which `storagesOut` receives (contiguous CPU tensors).
std::string encodeStateDictPickle(const StateDict &stateDict,
                                  std::vector<torch::Tensor> *storagesOut);

} // namespace cgs::official
