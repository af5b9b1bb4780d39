#include "core/engine/official/pickle_reader.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <set>

namespace cgs::official {
namespace {

using Kind = PickleValue::Kind;

// Everything a state dict may name. Storage classes only appear inside persistent ids.
const std::set<std::string> &allowedGlobals() {
    static const std::set<std::string> globals = {"collections.OrderedDict",
                                                  "torch._utils._rebuild_tensor",
                                                  "torch._utils._rebuild_tensor_v2",
                                                  "torch._utils._rebuild_parameter",
                                                  "torch._utils._rebuild_parameter_with_state",
                                                  "torch.FloatStorage",
                                                  "torch.DoubleStorage",
                                                  "torch.HalfStorage",
                                                  "torch.BFloat16Storage",
                                                  "torch.LongStorage",
                                                  "torch.IntStorage",
                                                  "torch.ShortStorage",
                                                  "torch.CharStorage",
                                                  "torch.ByteStorage",
                                                  "torch.BoolStorage"};
    return globals;
}

std::string hexByte(uint8_t op) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", op);
    return buf;
}

PickleValuePtr makeTuple(std::vector<PickleValuePtr> items) {
    auto tuple = PickleValue::make(Kind::Tuple);
    tuple->items = std::move(items);
    return tuple;
}

PickleValuePtr rebuildTensor(const std::vector<PickleValuePtr> &args) {
    if (args.size() < 4 || args[0]->kind != Kind::Storage)
        throw FormatError("malformed tensor record (_rebuild_tensor_v2 arguments)");
    auto ref = std::make_shared<TensorRef>();
    ref->storage = args[0]->storage;
    ref->offset = pickleInt(args[1], "tensor storage offset");
    ref->size = pickleIntTuple(args[2], "tensor size");
    ref->stride = pickleIntTuple(args[3], "tensor stride");
    auto tensor = PickleValue::make(Kind::Tensor);
    tensor->tensor = std::move(ref);
    return tensor;
}

} // namespace

int64_t pickleInt(const PickleValuePtr &value, const char *what) {
    if (value->kind == Kind::Int)
        return value->integer;
    if (value->kind == Kind::Bool)
        return value->boolean ? 1 : 0;
    throw FormatError(std::string("malformed ") + what + " (not an integer)");
}

const std::string &pickleString(const PickleValuePtr &value, const char *what) {
    if (value->kind != Kind::String)
        throw FormatError(std::string("malformed ") + what + " (not a string)");
    return value->text;
}

std::vector<int64_t> pickleIntTuple(const PickleValuePtr &value, const char *what) {
    if (value->kind != Kind::Tuple && value->kind != Kind::List)
        throw FormatError(std::string("malformed ") + what + " (not a tuple)");
    std::vector<int64_t> ints;
    for (const auto &item : value->items)
        ints.push_back(pickleInt(item, what));
    return ints;
}

PickleReader::PickleReader(const char *data, size_t size, PersistentLoad persistentLoad)
    : m_data(data), m_size(size), m_persistentLoad(std::move(persistentLoad)) {}

PickleValuePtr PickleReader::load() {
    // Each pickle.load() in Python starts with a fresh stack and memo.
    m_stack.clear();
    m_marks.clear();
    m_memo.clear();
    for (;;) {
        const auto op = static_cast<uint8_t>(*take(1));
        if (op == '.') { // like Python's pickle: the result is the top of the stack
            auto result = top();
            m_stack.clear();
            return result;
        }
        if (!step(op))
            throw FormatError("unsupported pickle opcode " + hexByte(op) + " at byte " +
                              std::to_string(m_pos - 1));
    }
}

bool PickleReader::step(uint8_t op) {
    return stepScalar(op) || stepString(op) || stepTuple(op) || stepContainer(op) || stepMemo(op) ||
           stepObject(op);
}

bool PickleReader::stepScalar(uint8_t op) {
    switch (op) {
    case 0x80: // PROTO
        if (static_cast<uint8_t>(*take(1)) > 5)
            throw FormatError("unsupported pickle protocol");
        return true;
    case 0x95: // FRAME: a length hint only
        take(8);
        return true;
    case 'N':
        push(PickleValue::make(Kind::None));
        return true;
    case 0x88:   // NEWTRUE
    case 0x89: { // NEWFALSE
        auto value = PickleValue::make(Kind::Bool);
        value->boolean = op == 0x88;
        push(value);
        return true;
    }
    case 'J':
        push(PickleValue::makeInt(static_cast<int32_t>(readUnsigned(4))));
        return true;
    case 'K':
        push(PickleValue::makeInt(static_cast<int64_t>(readUnsigned(1))));
        return true;
    case 'M':
        push(PickleValue::makeInt(static_cast<int64_t>(readUnsigned(2))));
        return true;
    case 0x8a: // LONG1
    case 0x8b: // LONG4
        push(readLong(readUnsigned(op == 0x8a ? 1 : 4)));
        return true;
    case 'G':
        push(readBinFloat());
        return true;
    default:
        return false;
    }
}

PickleValuePtr PickleReader::readLong(uint64_t n) {
    if (n > 8) // e.g. the legacy magic number: kept as bytes
        return PickleValue::makeString(std::string(take(n), n), Kind::BigInt);
    uint64_t bits = n == 0 ? 0 : readUnsigned(n);
    if (n > 0 && n < 8 && (bits >> (8 * n - 1)) & 1) // sign-extend
        bits |= ~uint64_t(0) << (8 * n);
    return PickleValue::makeInt(static_cast<int64_t>(bits));
}

PickleValuePtr PickleReader::readBinFloat() {
    const char *p = take(8); // big-endian, unlike everything else
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | static_cast<uint8_t>(p[i]);
    auto value = PickleValue::make(Kind::Float);
    std::memcpy(&value->real, &bits, sizeof bits);
    return value;
}

bool PickleReader::stepString(uint8_t op) {
    size_t lengthBytes = 0;
    switch (op) {
    case 'X':
    case 'T':
    case 'B':
        lengthBytes = 4;
        break; // BINUNICODE, BINSTRING, BINBYTES
    case 0x8c:
    case 'U':
    case 'C':
        lengthBytes = 1;
        break; // the SHORT_ variants
    case 0x8d:
    case 0x8e:
        lengthBytes = 8;
        break; // BINUNICODE8, BINBYTES8
    default:
        return false;
    }
    const uint64_t n = readUnsigned(lengthBytes);
    if (n > m_size - m_pos)
        throw FormatError("truncated");
    push(PickleValue::makeString(std::string(take(n), n)));
    return true;
}

bool PickleReader::stepTuple(uint8_t op) {
    switch (op) {
    case '(':
        m_marks.push_back(m_stack.size());
        return true;
    case '0':
        pop();
        return true;
    case '1':
        popToMark();
        return true;
    case '2':
        push(top());
        return true;
    case ')':
        push(makeTuple({}));
        return true;
    case 't':
        push(makeTuple(popToMark()));
        return true;
    case 0x85:
    case 0x86:
    case 0x87: { // TUPLE1..3
        std::vector<PickleValuePtr> items(op - 0x84);
        for (size_t i = items.size(); i-- > 0;)
            items[i] = pop();
        push(makeTuple(std::move(items)));
        return true;
    }
    default:
        return false;
    }
}

bool PickleReader::stepContainer(uint8_t op) {
    switch (op) {
    case ']':
        push(PickleValue::make(Kind::List));
        return true;
    case 'l': {
        auto list = PickleValue::make(Kind::List);
        list->items = popToMark();
        push(list);
        return true;
    }
    case 'a':
    case 'e': { // APPEND, APPENDS
        auto items = op == 'a' ? std::vector<PickleValuePtr>{pop()} : popToMark();
        auto &list = top();
        if (list->kind != Kind::List)
            throw FormatError("malformed pickle (APPEND to a non-list)");
        list->items.insert(list->items.end(), items.begin(), items.end());
        return true;
    }
    case '}':
        push(PickleValue::make(Kind::Dict));
        return true;
    case 'd': {
        auto dict = PickleValue::make(Kind::Dict);
        setItems(*dict, popToMark());
        push(dict);
        return true;
    }
    case 's':
    case 'u': { // SETITEM, SETITEMS
        std::vector<PickleValuePtr> kv;
        if (op == 's') {
            auto value = pop();
            kv = {pop(), value};
        } else {
            kv = popToMark();
        }
        setItems(*top(), kv);
        return true;
    }
    default:
        return false;
    }
}

bool PickleReader::stepMemo(uint8_t op) {
    switch (op) {
    case 'q':
        m_memo[readUnsigned(1)] = top();
        return true; // BINPUT
    case 'r':
        m_memo[readUnsigned(4)] = top();
        return true; // LONG_BINPUT
    case 0x94:
        m_memo[m_memo.size()] = top();
        return true; // MEMOIZE
    case 'h':
    case 'j': { // BINGET, LONG_BINGET
        const auto it = m_memo.find(readUnsigned(op == 'h' ? 1 : 4));
        if (it == m_memo.end())
            throw FormatError("malformed pickle (unknown memo entry)");
        push(it->second);
        return true;
    }
    default:
        return false;
    }
}

bool PickleReader::stepObject(uint8_t op) {
    switch (op) {
    case 'c': { // GLOBAL
        const std::string module = readLine();
        push(makeGlobal(module, readLine()));
        return true;
    }
    case 0x93: { // STACK_GLOBAL
        const auto name = pop();
        const auto module = pop();
        push(makeGlobal(pickleString(module, "global"), pickleString(name, "global")));
        return true;
    }
    case 'R': {
        const auto args = pop();
        push(reduce(pop(), args));
        return true;
    }
    case 'b': // BUILD: the state of an OrderedDict is its `_metadata`, which we do not need
        pop();
        top();
        return true;
    case 'Q': { // BINPERSID
        if (!m_persistentLoad)
            throw FormatError("unexpected storage reference");
        auto storage = m_persistentLoad(pop());
        push(storage);
        return true;
    }
    default:
        return false;
    }
}

const char *PickleReader::take(size_t n) {
    if (n > m_size - m_pos)
        throw FormatError("truncated");
    const char *p = m_data + m_pos;
    m_pos += n;
    return p;
}

uint64_t PickleReader::readUnsigned(size_t n) {
    const char *p = take(n);
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;)
        v = (v << 8) | static_cast<uint8_t>(p[i]);
    return v;
}

std::string PickleReader::readLine() {
    const void *end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
    if (!end)
        throw FormatError("truncated");
    const size_t n = static_cast<const char *>(end) - (m_data + m_pos);
    std::string line(take(n + 1), n);
    return line;
}

void PickleReader::push(PickleValuePtr value) {
    if (m_stack.size() > 100000)
        throw FormatError("malformed pickle (stack too deep)");
    m_stack.push_back(std::move(value));
}

PickleValuePtr PickleReader::pop() {
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        throw FormatError("malformed pickle (stack underflow)");
    auto value = std::move(m_stack.back());
    m_stack.pop_back();
    return value;
}

PickleValuePtr &PickleReader::top() {
    if (m_stack.empty())
        throw FormatError("malformed pickle (stack underflow)");
    return m_stack.back();
}

std::vector<PickleValuePtr> PickleReader::popToMark() {
    if (m_marks.empty())
        throw FormatError("malformed pickle (missing MARK)");
    const size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<PickleValuePtr> items(m_stack.begin() + mark, m_stack.end());
    m_stack.resize(mark);
    return items;
}

PickleValuePtr PickleReader::makeGlobal(const std::string &module, const std::string &name) const {
    const std::string full = module + "." + name;
    if (!allowedGlobals().count(full)) {
        // A class (capitalised, by Python convention) where a state dict has an OrderedDict:
        // `torch.save(model)` pickled the whole module, whose loading runs its Python code.
        if (!name.empty() && std::isupper(static_cast<unsigned char>(name[0])))
            throw FormatError("it holds a whole pickled model (class '" + full +
                              "'), not a state dict; loading that would run its Python code, "
                              "which this tool never does. In Python, save the weights alone: "
                              "torch.save(model.state_dict(), 'weights.pth')");
        throw FormatError("unsupported global '" + full + "'");
    }
    return PickleValue::makeString(full, Kind::Global);
}

PickleValuePtr PickleReader::reduce(const PickleValuePtr &callable,
                                    const PickleValuePtr &args) const {
    if (callable->kind != Kind::Global || args->kind != Kind::Tuple)
        throw FormatError("malformed pickle (REDUCE without a global)");
    const std::string &name = callable->text;
    if (name == "collections.OrderedDict" && args->items.empty())
        return PickleValue::make(Kind::Dict);
    if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor")
        return rebuildTensor(args->items);
    if (name.rfind("torch._utils._rebuild_parameter", 0) == 0 && !args->items.empty() &&
        args->items[0]->kind == Kind::Tensor)
        return args->items[0];
    throw FormatError("unsupported call of '" + name + "'");
}

void PickleReader::setItems(PickleValue &dict,
                            const std::vector<PickleValuePtr> &keysAndValues) const {
    if (dict.kind != Kind::Dict || keysAndValues.size() % 2 != 0)
        throw FormatError("malformed pickle (SETITEMS)");
    for (size_t i = 0; i < keysAndValues.size(); i += 2) {
        const auto &key = keysAndValues[i];
        auto &value = keysAndValues[i + 1];
        bool replaced = false;
        for (auto &entry : dict.entries) {
            if (entry.first->kind == Kind::String && key->kind == Kind::String &&
                entry.first->text == key->text) {
                entry.second = value;
                replaced = true;
            }
        }
        if (!replaced)
            dict.entries.emplace_back(key, value);
    }
}

} // namespace cgs::official
