#include "dockerfile/shell_names.h"

#include "core/utf8.h"

namespace pf::dockerfile {
namespace {

struct Span {
  char32_t lo;
  char32_t hi;
};

// Blocks made of punctuation, symbols, marks and controls.
constexpr Span kNonLetters[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB9},     {0xBB, 0xBF},       {0xD7, 0xD7},
    {0xF7, 0xF7},     {0x2000, 0x206F}, {0x20A0, 0x20FF}, {0x2190, 0x2BFF},   {0x3000, 0x3004},
    {0x3008, 0x3020}, {0xFE00, 0xFE0F}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF0F},   {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
};

}  // namespace

bool IsShellLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  for (const Span& s : kNonLetters) {
    if (c >= s.lo && c <= s.hi) return false;
  }
  return true;
}

bool IsSpecialParam(char32_t c) {
  switch (c) {
    case '@':
    case '*':
    case '#':
    case '?':
    case '-':
    case '$':
    case '!':
    case '0':
      return true;
    default:
      return false;
  }
}

std::size_t ShellNameLength(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  if (end >= text.size()) return 0;
  const auto first = static_cast<unsigned char>(text[end]);
  if (IsAsciiDigit(first)) {
    while (end < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[end]))) ++end;
    return end - pos;
  }
  if (IsSpecialParam(first)) return 1;
  while (end < text.size()) {
    const utf8::Rune r = utf8::DecodeRune(text, end);
    if (!IsShellNameChar(r.value)) break;
    end += r.width;
  }
  return end - pos;
}

}  // namespace pf::dockerfile
