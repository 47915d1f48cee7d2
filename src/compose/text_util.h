#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Small text helpers shared by the compose parsers (internal to pf_compose).
namespace pf::compose::detail {

// Decodes one UTF-8 code point at `i`; invalid bytes decode as U+FFFD with
// width 1, as Go's range loop does.
struct Rune {
  char32_t value;
  std::size_t width;
};
Rune DecodeRune(std::string_view s, std::size_t i);
void AppendUtf8(std::string& out, char32_t cp);

// Quotes like Go's %q / %#v for strings, so error texts match Compose's.
std::string GoQuote(std::string_view s);

bool IsAsciiLetter(char32_t c);
bool IsAsciiDigit(char32_t c);

}  // namespace pf::compose::detail
