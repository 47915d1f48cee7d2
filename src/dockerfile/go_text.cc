// Trimming by Go's unicode.IsSpace, as BuildKit trims lines and arguments.

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile::internal {

std::size_t SkipUnicodeSpace(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    Rune r = DecodeRune(s, i);
    if (!IsSpace(r.value) || utf8::IsInvalid(r)) break;
    i += r.width;
  }
  return i;
}

std::size_t TrimUnicodeSpaceRight(std::string_view s, std::size_t begin, std::size_t end) {
  while (end > begin) {
    // Step back to the start of the last code point.
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    Rune r = DecodeRune(s.substr(0, end), start);
    if (start + r.width != end) {
      // Not a well-formed code point ending here: a lone byte.
      if (IsSpace(static_cast<unsigned char>(s[end - 1])) &&
          static_cast<unsigned char>(s[end - 1]) < 0x80) {
        --end;
        continue;
      }
      break;
    }
    if (!IsSpace(r.value)) break;
    end = start;
  }
  return end;
}

}  // namespace pf::dockerfile::internal
