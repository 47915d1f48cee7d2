#include "report/excerpt.h"

#include <algorithm>
#include <cstdint>

namespace pf::report {

namespace {

// Decodes one code point at text[i] and advances i. An invalid sequence
// decodes as its first byte alone.
std::uint32_t Decode(std::string_view text, std::size_t& i) {
  auto b = static_cast<unsigned char>(text[i]);
  int extra = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 0;
  if (extra == 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
    ++i;
    return b;
  }
  std::uint32_t cp = b & (0x3Fu >> extra);
  for (int k = 1; k <= extra; ++k) {
    auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

bool IsWide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool IsZeroWidth(std::uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

}  // namespace

Excerpt MakeExcerpt(const SourceFile& source, int line, int context) {
  Excerpt e;
  int last = source.line_count();
  // A file ending in a newline has an empty last "line"; do not show it.
  if (last > 1 && source.Line(last).empty() && !source.text().empty() &&
      source.text().back() == '\n') {
    --last;
  }
  line = std::clamp(line, 1, std::max(last, 1));
  e.start_line = std::max(1, line - context);
  e.end_line = std::min(std::max(last, 1), line + context);
  for (int l = e.start_line; l <= e.end_line; ++l) e.lines.emplace_back(source.Line(l));
  return e;
}

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    std::uint32_t cp = Decode(utf8, i);
    if (cp == '\t') {
      width += kTabWidth - width % kTabWidth;
    } else if (!IsZeroWidth(cp)) {
      width += IsWide(cp) ? 2 : 1;
    }
  }
  return width;
}

std::string ExpandTabs(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\t') {
      int w = DisplayWidth(out);
      out.append(static_cast<std::size_t>(kTabWidth - w % kTabWidth), ' ');
    } else {
      out += utf8[i];
    }
  }
  return out;
}

std::size_t PrefixBytes(std::string_view utf8, int code_points) {
  std::size_t i = 0;
  for (int n = 0; n < code_points && i < utf8.size(); ++n) {
    ++i;
    while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace pf::report
