#include "core/engine/official/pickle_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace cgs::official {
namespace {

using Kind = PickleValue::Kind;

// The bytes of a string literal, NULs included.
template <size_t N> std::string bytesOf(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

PickleValuePtr loadPickle(const std::string &bytes) {
    PickleReader reader(bytes.data(), bytes.size());
    return reader.load();
}

std::string errorOf(const std::string &bytes) {
    try {
        loadPickle(bytes);
    } catch (const FormatError &e) {
        return e.what();
    }
    return "no error";
}

TEST(PickleReader, ReadsScalars) {
    // (1, 300, -2, 70000, LONG1 -129, None, True, "ab", 1.5) as protocol 2
    const std::string bytes = bytesOf("\x80\x02(K\x01M\x2c\x01J\xfe\xff\xff\xffJ\x70\x11\x01\x00"
                                      "\x8a\x02\x7f\xffN\x88X\x02\x00\x00\x00"
                                      "ab"
                                      "G\x3f\xf8\x00\x00\x00\x00\x00\x00t.");
    const auto tuple = loadPickle(bytes);
    ASSERT_EQ(tuple->kind, Kind::Tuple);
    ASSERT_EQ(tuple->items.size(), 9u);
    EXPECT_EQ(tuple->items[0]->integer, 1);
    EXPECT_EQ(tuple->items[1]->integer, 300);
    EXPECT_EQ(tuple->items[2]->integer, -2);
    EXPECT_EQ(tuple->items[3]->integer, 70000);
    EXPECT_EQ(tuple->items[4]->integer, -129);
    EXPECT_EQ(tuple->items[5]->kind, Kind::None);
    EXPECT_TRUE(tuple->items[6]->boolean);
    EXPECT_EQ(tuple->items[7]->text, "ab");
    EXPECT_DOUBLE_EQ(tuple->items[8]->real, 1.5);
}

TEST(PickleReader, SharesMemoizedContainers) {
    // l = []; (l, l) with an APPEND through the memo: both items are the same list.
    const std::string bytes = bytesOf("\x80\x02]q\x00h\x00\x86q\x01h\x00K\x07"
                                      "a0.");
    const auto tuple = loadPickle(bytes);
    ASSERT_EQ(tuple->items.size(), 2u);
    EXPECT_EQ(tuple->items[0], tuple->items[1]);
    ASSERT_EQ(tuple->items[0]->items.size(), 1u);
    EXPECT_EQ(tuple->items[0]->items[0]->integer, 7);
}

TEST(PickleReader, ReadsOrderedDictInOrder) {
    const std::string bytes =
        bytesOf("\x80\x02\x63\x63ollections\nOrderedDict\n)R(X\x01\x00\x00\x00zK\x01"
                "X\x01\x00\x00\x00\x61K\x02u}b.");
    const auto dict = loadPickle(bytes);
    ASSERT_EQ(dict->kind, Kind::Dict);
    ASSERT_EQ(dict->entries.size(), 2u);
    EXPECT_EQ(dict->entries[0].first->text, "z");
    EXPECT_EQ(dict->entries[1].first->text, "a");
    EXPECT_EQ(dict->entries[1].second->integer, 2);
}

TEST(PickleReader, ReadsProtocol4Framing) {
    // PROTO 4, FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL of collections.OrderedDict
    const std::string bytes =
        bytesOf("\x80\x04\x95\x20\x00\x00\x00\x00\x00\x00\x00"
                "\x8c\x0b\x63ollections\x94\x8c\x0bOrderedDict\x94\x93\x94)R\x94.");
    EXPECT_EQ(loadPickle(bytes)->kind, Kind::Dict);
}

TEST(PickleReader, RejectsForeignGlobals) {
    const std::string bytes = bytesOf("\x80\x02\x63os\nsystem\nX\x04\x00\x00\x00true\x85R.");
    EXPECT_EQ(errorOf(bytes), "unsupported global 'os.system'");
    const std::string stacked = bytesOf("\x80\x04\x8c\x08\x62uiltins\x8c\x04\x65val\x93.");
    EXPECT_EQ(errorOf(stacked), "unsupported global 'builtins.eval'");
}

TEST(PickleReader, RejectsUnknownOpcodes) {
    EXPECT_EQ(errorOf(bytesOf("\x80\x02(i")), "unsupported pickle opcode 0x69 at byte 3");
}

TEST(PickleReader, ReportsTruncation) {
    EXPECT_EQ(errorOf(bytesOf("\x80\x02X\x09\x00\x00\x00\x61\x62")), "truncated");
    EXPECT_EQ(errorOf(bytesOf("\x80\x02K\x01")), "truncated");
    EXPECT_EQ(errorOf(bytesOf("\x80\x02\x63os\nsys")), "truncated");
}

TEST(PickleReader, RejectsMalformedStacks) {
    EXPECT_NE(errorOf(bytesOf("\x80\x02R.")).find("stack underflow"), std::string::npos);
    EXPECT_NE(errorOf(bytesOf("\x80\x02t.")).find("missing MARK"), std::string::npos);
    EXPECT_NE(errorOf(bytesOf("\x80\x02h\x05.")).find("memo"), std::string::npos);
}

TEST(PickleReader, ReadsConsecutivePickles) {
    const std::string bytes = bytesOf("\x80\x02K\x05.\x80\x02K\x06.");
    PickleReader reader(bytes.data(), bytes.size());
    EXPECT_EQ(reader.load()->integer, 5);
    EXPECT_EQ(reader.position(), 5u);
    EXPECT_EQ(reader.load()->integer, 6);
}

} // namespace
} // namespace cgs::official
