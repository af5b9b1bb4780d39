#pragma once

// A minimal pickle virtual machine for PyTorch state dicts (internal to the engine).
//
// It understands the opcodes that `torch.save` (protocol 2) and later protocols emit for a
// state dict, and only these globals: collections.OrderedDict, torch._utils._rebuild_tensor,
// _rebuild_tensor_v2, _rebuild_parameter and the typed storage classes (torch.FloatStorage,
// ...). Any other global is rejected before anything is called: a weight file can never make
// us execute code. Storages reach the pickle through persistent ids, which the container
// format resolves through the `PersistentLoad` callback.

#include "core/engine/official/pickle_value.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cgs::official {

class PickleReader {
public:
    // Turns a persistent id (the tuple of BINPERSID) into a Storage value; throws FormatError.
    using PersistentLoad = std::function<PickleValuePtr(const PickleValuePtr &pid)>;

    // Reads pickles from `data[0, size)`, which must outlive the reader.
    PickleReader(const char *data, size_t size, PersistentLoad persistentLoad = {});

    // Reads one pickle (up to and including STOP) from the current position and returns its
    // value. Throws FormatError: "truncated", "unsupported pickle opcode 0x69",
    // "unsupported global 'os.system'", ...
    PickleValuePtr load();

    // Bytes consumed so far (the legacy format has raw data after its pickles).
    size_t position() const { return m_pos; }

private:
    bool step(uint8_t op);
    bool stepScalar(uint8_t op);
    bool stepString(uint8_t op);
    bool stepTuple(uint8_t op);
    bool stepContainer(uint8_t op);
    bool stepMemo(uint8_t op);
    bool stepObject(uint8_t op);

    PickleValuePtr readLong(uint64_t n);
    PickleValuePtr readBinFloat();
    const char *take(size_t n);
    uint64_t readUnsigned(size_t n);
    std::string readLine();
    void push(PickleValuePtr value);
    PickleValuePtr pop();
    PickleValuePtr &top();
    std::vector<PickleValuePtr> popToMark();
    PickleValuePtr makeGlobal(const std::string &module, const std::string &name) const;
    PickleValuePtr reduce(const PickleValuePtr &callable, const PickleValuePtr &args) const;
    void setItems(PickleValue &dict, const std::vector<PickleValuePtr> &keysAndValues) const;

    const char *m_data;
    size_t m_size;
    size_t m_pos = 0;
    PersistentLoad m_persistentLoad;
    std::vector<PickleValuePtr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, PickleValuePtr> m_memo;
};

// Helpers for reading the values a state dict holds; they throw FormatError with `what`
// ("storage key", "tensor size") when the value has another kind.
int64_t pickleInt(const PickleValuePtr &value, const char *what);
const std::string &pickleString(const PickleValuePtr &value, const char *what);
std::vector<int64_t> pickleIntTuple(const PickleValuePtr &value, const char *what);

} // namespace cgs::official
