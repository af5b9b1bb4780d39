#include "core/engine/official/zip_state_dict.h"

#include "core/engine/official/pickle_reader.h"
#include "core/engine/official/state_dict_pickle.h"

#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <map>
#include <memory>

namespace cgs::official {
namespace {

using caffe2::serialize::PyTorchStreamReader;
using caffe2::serialize::PyTorchStreamWriter;

std::string firstLine(const c10::Error &e) {
    const std::string what = e.what_without_backtrace();
    return what.substr(0, what.find('\n'));
}

// Loads `data/<key>` on first use: storages may be shared by several tensors.
PickleValuePtr loadStorage(PyTorchStreamReader &reader, const PickleValuePtr &pid,
                           std::map<std::string, std::shared_ptr<StorageRef>> &loaded) {
    auto storage = parseStoragePid(pid);
    auto &slot = loaded[storage->key];
    if (!slot) {
        const std::string record = "data/" + storage->key;
        if (!reader.hasRecord(record))
            throw FormatError("storage record '" + record + "' is missing");
        auto [bytes, size] = reader.getRecord(record);
        if (size != storageBytes(*storage))
            throw FormatError("storage record '" + record + "' has " + std::to_string(size) +
                              " bytes, expected " + std::to_string(storageBytes(*storage)));
        const auto options = torch::TensorOptions().dtype(storage->dtype);
        storage->data = torch::empty({storage->numel}, options);
        if (size > 0) // an empty storage has no data pointer: memcpy(nullptr, ..., 0) is UB
            std::memcpy(storage->data.data_ptr(), bytes.get(), size);
        slot = storage;
    }
    auto value = PickleValue::make(PickleValue::Kind::Storage);
    value->storage = slot;
    return value;
}

} // namespace

bool looksLikeZip(const std::string &head) {
    return head.rfind("PK\x03\x04", 0) == 0;
}

StateDict readZipStateDict(const std::string &path) {
    try {
        PyTorchStreamReader reader(path);
        if (reader.hasRecord("byteorder")) {
            auto [order, size] = reader.getRecord("byteorder");
            if (std::string(static_cast<const char *>(order.get()), size) != "little")
                throw FormatError("big-endian files are not supported");
        }
        if (!reader.hasRecord("data.pkl"))
            throw FormatError("zip archive without data.pkl (a TorchScript model?)");
        auto [pickle, size] = reader.getRecord("data.pkl");
        std::map<std::string, std::shared_ptr<StorageRef>> loaded;
        PickleReader unpickler(
            static_cast<const char *>(pickle.get()), size,
            [&](const PickleValuePtr &pid) { return loadStorage(reader, pid, loaded); });
        return stateDictFromPickle(unpickler.load());
    } catch (const c10::Error &e) {
        throw FormatError("truncated or damaged zip archive (" + firstLine(e) + ")");
    }
}

std::string encodeZipStateDict(const StateDict &stateDict) {
    std::vector<torch::Tensor> storages;
    const std::string pickle = encodeStateDictPickle(stateDict, &storages);
    std::string bytes;
    PyTorchStreamWriter writer([&bytes](const void *data, size_t size) {
        bytes.append(static_cast<const char *>(data), size);
        return size;
    });
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    writer.writeRecord("byteorder", "little", 6);
    for (size_t i = 0; i < storages.size(); ++i)
        writer.writeRecord("data/" + std::to_string(i), storages[i].data_ptr(),
                           storages[i].nbytes());
    writer.writeEndOfFile();
    return bytes;
}

} // namespace cgs::official
