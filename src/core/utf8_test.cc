#include "core/utf8.h"

#include <gtest/gtest.h>

namespace pf::utf8 {
namespace {

struct Decoded {
  char32_t value;
  std::size_t width;
};

Decoded At(std::string_view s, std::size_t i = 0) {
  Rune r = DecodeRune(s, i);
  return {r.value, r.width};
}

void ExpectRune(std::string_view s, char32_t value, std::size_t width) {
  Decoded d = At(s);
  EXPECT_EQ(d.value, value) << GoQuote(s);
  EXPECT_EQ(d.width, width) << GoQuote(s);
}

TEST(Utf8Test, DecodesWellFormedSequences) {
  ExpectRune("a", 'a', 1);
  ExpectRune("\xC3\xA9", 0xE9, 2);
  ExpectRune("\xE2\x82\xAC", 0x20AC, 3);
  ExpectRune("\xF0\x9F\x98\x80", 0x1F600, 4);
  ExpectRune("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
  ExpectRune("\xEF\xBF\xBD", 0xFFFD, 3);  // a real U+FFFD is 3 bytes wide
  Decoded second = At("a\xC3\xA9", 1);
  EXPECT_EQ(second.value, 0xE9u);
  EXPECT_EQ(second.width, 2u);
}

TEST(Utf8Test, InvalidBytesDecodeAsReplacementOfWidthOne) {
  ExpectRune("\x80", 0xFFFD, 1);              // lone continuation byte
  ExpectRune("\xFF", 0xFFFD, 1);              // never valid
  ExpectRune("\xC0\x80", 0xFFFD, 1);          // overlong NUL
  ExpectRune("\xC1\xBF", 0xFFFD, 1);          // overlong
  ExpectRune("\xE0\x80\x80", 0xFFFD, 1);      // overlong 3-byte
  ExpectRune("\xED\xA0\x80", 0xFFFD, 1);      // surrogate U+D800
  ExpectRune("\xF0\x80\x80\x80", 0xFFFD, 1);  // overlong 4-byte
  ExpectRune("\xF4\x90\x80\x80", 0xFFFD, 1);  // past U+10FFFF
  ExpectRune("\xF5\x80\x80\x80", 0xFFFD, 1);
  ExpectRune("\xE2\x82", 0xFFFD, 1);   // truncated at the end
  ExpectRune("\xE2\x82x", 0xFFFD, 1);  // truncated by an ASCII byte
  EXPECT_TRUE(IsInvalid(DecodeRune("\x80", 0)));
  EXPECT_FALSE(IsInvalid(DecodeRune("\xEF\xBF\xBD", 0)));
}

TEST(Utf8Test, AppendsUtf8AndReplacesImpossibleCodePoints) {
  std::string out;
  AppendRune(out, 'x');
  AppendRune(out, 0xE9);
  AppendRune(out, 0x20AC);
  AppendRune(out, 0x1F600);
  EXPECT_EQ(out, "x\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  std::string bad;
  AppendRune(bad, 0xD800);
  AppendRune(bad, 0x110000);
  AppendRune(bad, static_cast<char32_t>(-1));
  EXPECT_EQ(bad, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Test, AppendThenDecodeRoundTrips) {
  for (char32_t c : {U'\0', U'\x7F', U'\x80', U'\x7FF', U'\x800', U'\xFFFF', U'\x10000'}) {
    std::string s;
    AppendRune(s, c);
    EXPECT_EQ(DecodeRune(s, 0).value, c);
    EXPECT_EQ(DecodeRune(s, 0).width, s.size());
  }
}

TEST(Utf8Test, IsSpaceFollowsGoUnicode) {
  for (char32_t c : {U' ', U'\t', U'\n', U'\v', U'\f', U'\r', U'\x85', U'\xA0', U'\x1680',
                     U'\x2000', U'\x200A', U'\x2028', U'\x2029', U'\x202F', U'\x205F', U'\x3000'}) {
    EXPECT_TRUE(IsSpace(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'a', U'\0', U'\x1C', U'\x200B', U'\xFEFF', U'\xFFFD', U'_'}) {
    EXPECT_FALSE(IsSpace(c)) << static_cast<unsigned>(c);
  }
}

TEST(Utf8Test, GoQuoteMatchesStrconvQuote) {
  EXPECT_EQ(GoQuote(""), "\"\"");
  EXPECT_EQ(GoQuote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\x01\"");
  EXPECT_EQ(GoQuote("\a\b\f\r\v\x7F"), "\"\\a\\b\\f\\r\\v\\x7f\"");
  EXPECT_EQ(GoQuote("\xff"), "\"\\xff\"");
  EXPECT_EQ(GoQuote("h\xC3\xA9"), "\"h\xC3\xA9\"");
  EXPECT_EQ(GoQuote("\xEF\xBF\xBD"), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(GoQuote("\xC2\xA0"), "\"\\u00a0\"");
  EXPECT_EQ(GoQuote("\xC2\x85"), "\"\\u0085\"");
  EXPECT_EQ(GoQuote("\xE2\x80\x8B"), "\"\\u200b\"");
  EXPECT_EQ(GoQuote("\xF3\xA0\x80\x81"), "\"\\U000e0001\"");
  EXPECT_EQ(GoQuote("'$x'"), "\"'$x'\"");
}

}  // namespace
}  // namespace pf::utf8
