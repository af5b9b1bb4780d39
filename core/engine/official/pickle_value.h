#pragma once

// Values of the pickle subset that PyTorch state dicts use (internal to the engine).
// A pickle is read into a tree of PickleValue; tensors stay references into storages until
// the storages' bytes are known (the legacy format stores them after the pickle).

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cgs::official {

// A weight file is malformed or unsupported. The message is the cause only ("truncated",
// "unsupported global 'os.system'"); readStateDictFile adds the file name.
class FormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One typed storage of the file: `numel` elements of `dtype`. `data` is a 1-D tensor of
// those elements once the bytes are read, undefined before.
struct StorageRef {
    std::string key;
    torch::Dtype dtype = torch::kFloat32;
    int64_t numel = 0;
    torch::Tensor data;
};

// A tensor as `_rebuild_tensor_v2` describes it: a strided view of a storage.
struct TensorRef {
    std::shared_ptr<StorageRef> storage;
    int64_t offset = 0;
    std::vector<int64_t> size;
    std::vector<int64_t> stride;
};

struct PickleValue;
using PickleValuePtr = std::shared_ptr<PickleValue>;

struct PickleValue {
    enum class Kind {
        None,
        Bool,
        Int,
        BigInt,
        Float,
        String,
        Tuple,
        List,
        Dict,
        Global,
        Storage,
        Tensor
    };
    Kind kind = Kind::None;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0.0;
    // String: the text (UTF-8 or bytes); Global: "module.name"; BigInt: little-endian bytes.
    std::string text;
    std::vector<PickleValuePtr> items;                              // Tuple, List
    std::vector<std::pair<PickleValuePtr, PickleValuePtr>> entries; // Dict, in insertion order
    std::shared_ptr<StorageRef> storage;                            // Storage
    std::shared_ptr<TensorRef> tensor;                              // Tensor

    static PickleValuePtr make(Kind kind) {
        auto value = std::make_shared<PickleValue>();
        value->kind = kind;
        return value;
    }
    static PickleValuePtr makeInt(int64_t v) {
        auto value = make(Kind::Int);
        value->integer = v;
        return value;
    }
    static PickleValuePtr makeString(std::string s, Kind kind = Kind::String) {
        auto value = make(kind);
        value->text = std::move(s);
        return value;
    }
};

} // namespace cgs::official
