#pragma once

// UTF-8 and text helpers with the exact rules of Go's utf8, unicode and
// strconv packages, so parsers and messages match the Go tools they mirror.

#include <cstddef>
#include <string>
#include <string_view>

namespace pf::utf8 {

struct Rune {
  char32_t value;
  std::size_t width;  // bytes read
};

// Decodes the code point at `i` (which must be < s.size()). Anything but a
// well-formed sequence (truncated, overlong, surrogate, > U+10FFFF) gives
// U+FFFD of width 1, as utf8.DecodeRuneInString does.
Rune DecodeRune(std::string_view s, std::size_t i);

// True when the code point at `i` is an invalid byte rather than a real U+FFFD.
inline bool IsInvalid(Rune r) { return r.value == 0xFFFD && r.width == 1; }

// Appends `r` as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void AppendRune(std::string& out, char32_t r);

// unicode.IsSpace.
bool IsSpace(char32_t r);

// strconv.Quote (also what fmt's %q and %#v print for a string).
std::string GoQuote(std::string_view s);

}  // namespace pf::utf8
