#pragma once

// Emits the pickle subset of PyTorch state dicts, opcode by opcode, as protocol 2 (what
// `torch.save` writes), so that Python's pickle reads it back (internal to the engine).

#include <cstdint>
#include <string>

namespace cgs::official {

class PickleWriter {
public:
    PickleWriter(); // writes PROTO 2

    void global(const std::string &module, const std::string &name);
    void mark();
    void tuple(); // TUPLE of the items since the last mark
    void emptyTuple();
    void reduce();
    void setItems();     // SETITEMS of the key/value pairs since the last mark
    void persistentId(); // BINPERSID of the value on top of the stack
    void integer(int64_t value);
    void string(const std::string &utf8);
    void boolean(bool value);
    void stop();

    // The pickle so far (complete once stop() was called).
    const std::string &bytes() const { return m_bytes; }

private:
    void op(uint8_t code);
    void little(uint64_t value, int bytes);

    std::string m_bytes;
};

} // namespace cgs::official
