#include "core/engine/official/legacy_state_dict.h"

#include "core/engine/official/pickle_reader.h"
#include "core/engine/official/state_dict_pickle.h"

#include <cstring>
#include <map>
#include <memory>

namespace cgs::official {
namespace {

using Kind = PickleValue::Kind;

// PROTO 2, LONG1 of 10 bytes: 0x1950a86a20f9469cfc6c, the magic number of torch.save.
const std::string kMagicPickle("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 14);
constexpr int64_t kProtocolVersion = 1001;

void checkHeader(PickleReader &reader) {
    reader.load(); // the magic number, already checked by looksLikeLegacy
    const auto protocol = reader.load();
    if (protocol->kind != Kind::Int || protocol->integer != kProtocolVersion)
        throw FormatError("unsupported legacy protocol version");
    const auto sysInfo = reader.load();
    for (const auto &[key, value] : sysInfo->entries)
        if (key->kind == Kind::String && key->text == "little_endian" &&
            value->kind == Kind::Bool && !value->boolean)
            throw FormatError("big-endian files are not supported");
}

void readStorages(const std::string &bytes, size_t pos, const std::vector<std::string> &keys,
                  std::map<std::string, std::shared_ptr<StorageRef>> &storages) {
    for (const auto &key : keys) {
        const auto it = storages.find(key);
        if (it == storages.end())
            throw FormatError("storage '" + key + "' is listed but never used");
        StorageRef &storage = *it->second;
        int64_t count = 0;
        if (bytes.size() - pos < sizeof count)
            throw FormatError("truncated");
        std::memcpy(&count, bytes.data() + pos, sizeof count); // little-endian hosts only
        pos += sizeof count;
        if (count != storage.numel)
            throw FormatError("storage '" + key + "' has " + std::to_string(count) +
                              " elements, expected " + std::to_string(storage.numel));
        if (bytes.size() - pos < storageBytes(storage))
            throw FormatError("truncated");
        storage.data = torch::empty({count}, torch::TensorOptions().dtype(storage.dtype));
        if (count > 0) // an empty storage has no data pointer: memcpy(nullptr, ..., 0) is UB
            std::memcpy(storage.data.data_ptr(), bytes.data() + pos, storage.data.nbytes());
        pos += storage.data.nbytes();
    }
}

} // namespace

bool looksLikeLegacy(const std::string &head) {
    return head.rfind(kMagicPickle, 0) == 0;
}

StateDict readLegacyStateDict(const std::string &bytes) {
    std::map<std::string, std::shared_ptr<StorageRef>> storages;
    PickleReader reader(bytes.data(), bytes.size(), [&](const PickleValuePtr &pid) {
        auto storage = parseStoragePid(pid);
        auto &slot = storages[storage->key];
        if (!slot)
            slot = storage;
        auto value = PickleValue::make(Kind::Storage);
        value->storage = slot;
        return value;
    });
    checkHeader(reader);
    const auto root = reader.load();
    const auto keyList = reader.load();
    if (keyList->kind != Kind::List)
        throw FormatError("malformed storage key list");
    std::vector<std::string> keys;
    for (const auto &key : keyList->items)
        keys.push_back(pickleString(key, "storage key"));
    readStorages(bytes, reader.position(), keys, storages);
    return stateDictFromPickle(root);
}

} // namespace cgs::official
