#include "core/engine/official/state_dict_pickle.h"

#include "core/engine/official/pickle_reader.h"
#include "core/engine/official/pickle_writer.h"

#include <utility>

namespace cgs::official {
namespace {

using Kind = PickleValue::Kind;

const std::vector<std::pair<std::string, torch::Dtype>> &storageClasses() {
    static const std::vector<std::pair<std::string, torch::Dtype>> classes = {
        {"FloatStorage", torch::kFloat32}, {"DoubleStorage", torch::kFloat64},
        {"HalfStorage", torch::kFloat16},  {"BFloat16Storage", torch::kBFloat16},
        {"LongStorage", torch::kInt64},    {"IntStorage", torch::kInt32},
        {"ShortStorage", torch::kInt16},   {"CharStorage", torch::kInt8},
        {"ByteStorage", torch::kUInt8},    {"BoolStorage", torch::kBool}};
    return classes;
}

std::string kindName(Kind kind) {
    switch (kind) {
    case Kind::None:
        return "None";
    case Kind::Bool:
        return "a bool";
    case Kind::Int:
    case Kind::BigInt:
        return "an integer";
    case Kind::Float:
        return "a float";
    case Kind::String:
        return "a string";
    case Kind::Tuple:
        return "a tuple";
    case Kind::List:
        return "a list";
    case Kind::Dict:
        return "a dict";
    case Kind::Global:
        return "a class";
    case Kind::Storage:
        return "a storage";
    case Kind::Tensor:
        return "a tensor";
    }
    return "an object";
}

torch::Tensor materialize(const TensorRef &ref, const std::string &key) {
    const StorageRef &storage = *ref.storage;
    if (!storage.data.defined())
        throw FormatError("tensor '" + key + "' refers to missing storage '" + storage.key + "'");
    if (ref.size.size() != ref.stride.size() || ref.offset < 0)
        throw FormatError("tensor '" + key + "' has a malformed shape");
    for (size_t d = 0; d < ref.size.size(); ++d)
        if (ref.size[d] < 0 || ref.stride[d] < 0)
            throw FormatError("tensor '" + key + "' has a malformed shape");
    for (size_t d = 0; d < ref.size.size(); ++d)
        if (ref.size[d] == 0)
            return torch::empty(ref.size, torch::TensorOptions().dtype(storage.dtype));
    int64_t last = ref.offset; // highest element index the view touches
    for (size_t d = 0; d < ref.size.size(); ++d) {
        int64_t span = 0; // damaged sizes must not overflow (undefined behaviour) into range
        if (__builtin_mul_overflow(ref.size[d] - 1, ref.stride[d], &span) ||
            __builtin_add_overflow(last, span, &last))
            throw FormatError("tensor '" + key + "' lies outside its storage");
    }
    if (last >= storage.numel)
        throw FormatError("tensor '" + key + "' lies outside its storage");
    return storage.data.as_strided(ref.size, ref.stride, ref.offset).contiguous();
}

} // namespace

torch::Dtype dtypeOfStorageClass(const std::string &global) {
    for (const auto &[name, dtype] : storageClasses())
        if (global == "torch." + name)
            return dtype;
    throw FormatError("unsupported storage class '" + global + "'");
}

std::shared_ptr<StorageRef> parseStoragePid(const PickleValuePtr &pid) {
    const auto &items = pid->items;
    if (pid->kind != Kind::Tuple || items.size() < 5 || items[0]->kind != Kind::String ||
        items[0]->text != "storage" || items[1]->kind != Kind::Global)
        throw FormatError("malformed storage reference");
    if (items.size() > 5 && items[5]->kind != Kind::None)
        throw FormatError("unsupported storage view (a file of PyTorch < 0.4)");
    auto storage = std::make_shared<StorageRef>();
    storage->dtype = dtypeOfStorageClass(items[1]->text);
    storage->key = pickleString(items[2], "storage key");
    storage->numel = pickleInt(items[4], "storage size");
    if (storage->numel < 0)
        throw FormatError("malformed storage size");
    return storage;
}

size_t storageBytes(const StorageRef &storage) {
    const auto elementSize = static_cast<int64_t>(c10::elementSize(storage.dtype));
    if (storage.numel > (int64_t(1) << 40) / elementSize) // 1 TiB: a damaged size field
        throw FormatError("storage '" + storage.key + "' has an implausible size");
    return static_cast<size_t>(storage.numel * elementSize);
}

StateDict stateDictFromPickle(const PickleValuePtr &root) {
    if (root->kind != Kind::Dict)
        throw FormatError("holds " + kindName(root->kind) + ", not a state dict");
    StateDict stateDict;
    for (const auto &[key, value] : root->entries) {
        if (key->kind != Kind::String)
            throw FormatError("holds a dict with a non-string key, not a state dict");
        if (value->kind != Kind::Tensor)
            throw FormatError("entry '" + key->text + "' is " + kindName(value->kind) +
                              ", not a tensor: not a state dict");
        stateDict.emplace_back(key->text, materialize(*value->tensor, key->text));
    }
    return stateDict;
}

std::string encodeStateDictPickle(const StateDict &stateDict,
                                  std::vector<torch::Tensor> *storagesOut) {
    PickleWriter w;
    w.global("collections", "OrderedDict");
    w.emptyTuple();
    w.reduce();
    w.mark();
    for (const auto &[key, value] : stateDict) {
        const torch::Tensor tensor = value.detach().to(torch::kCPU).contiguous();
        const std::string storageKey = std::to_string(storagesOut->size());
        storagesOut->push_back(tensor);
        w.string(key);
        w.global("torch._utils", "_rebuild_tensor_v2");
        w.mark();
        w.mark(); // the persistent id
        w.string("storage");
        w.global("torch", std::string(c10::toString(tensor.scalar_type())) + "Storage");
        w.string(storageKey);
        w.string("cpu");
        w.integer(tensor.numel());
        w.tuple();
        w.persistentId();
        w.integer(0); // storage offset
        for (const auto &dims : {tensor.sizes(), tensor.strides()}) {
            w.mark();
            for (const int64_t d : dims)
                w.integer(d);
            w.tuple();
        }
        w.boolean(false);                       // requires_grad
        w.global("collections", "OrderedDict"); // backward hooks
        w.emptyTuple();
        w.reduce();
        w.tuple();
        w.reduce();
    }
    w.setItems();
    w.stop();
    return w.bytes();
}

} // namespace cgs::official
