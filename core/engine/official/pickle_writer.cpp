#include "core/engine/official/pickle_writer.h"

namespace cgs::official {

PickleWriter::PickleWriter() {
    op(0x80); // PROTO
    op(2);
}

void PickleWriter::global(const std::string &module, const std::string &name) {
    op('c');
    m_bytes += module + "\n" + name + "\n";
}

void PickleWriter::mark() {
    op('(');
}
void PickleWriter::tuple() {
    op('t');
}
void PickleWriter::emptyTuple() {
    op(')');
}
void PickleWriter::reduce() {
    op('R');
}
void PickleWriter::setItems() {
    op('u');
}
void PickleWriter::persistentId() {
    op('Q');
}
void PickleWriter::boolean(bool value) {
    op(value ? 0x88 : 0x89);
}
void PickleWriter::stop() {
    op('.');
}

void PickleWriter::integer(int64_t value) {
    if (value >= 0 && value < 256) {
        op('K'); // BININT1
        little(static_cast<uint64_t>(value), 1);
    } else if (value >= INT32_MIN && value <= INT32_MAX) {
        op('J'); // BININT
        little(static_cast<uint32_t>(value), 4);
    } else {
        op(0x8a); // LONG1 with 8 two's-complement bytes
        op(8);
        little(static_cast<uint64_t>(value), 8);
    }
}

void PickleWriter::string(const std::string &utf8) {
    op('X'); // BINUNICODE
    little(utf8.size(), 4);
    m_bytes += utf8;
}

void PickleWriter::op(uint8_t code) {
    m_bytes.push_back(static_cast<char>(code));
}

void PickleWriter::little(uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        m_bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

} // namespace cgs::official
