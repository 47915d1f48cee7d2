#include "core/source.h"

#include <algorithm>
#include <cstring>

namespace pf {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // memchr skips whole runs of a line at a time; about 40 bytes a line.
  line_starts_.reserve(text_.size() / 40 + 2);
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    line_starts_.push_back(static_cast<std::size_t>(p - begin) + 1);
  }
}

int CodePointCount(std::string_view bytes) {
  int n = 0;
  for (unsigned char c : bytes) {
    if ((c & 0xC0) != 0x80) ++n;  // continuation bytes do not start a point
  }
  return n;
}

Position SourceFile::PositionAt(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line_index];
  std::string_view prefix(text_.data() + start, offset - start);
  return Position{static_cast<int>(line_index) + 1, CodePointCount(prefix) + 1};
}

Range SourceFile::RangeOf(ByteSpan span) const {
  return Range{PositionAt(span.begin), PositionAt(span.end)};
}

std::size_t SourceFile::OffsetOf(Position pos) const {
  if (pos.line < 1) return 0;
  if (pos.line > line_count()) return text_.size();
  std::size_t i = line_starts_[static_cast<std::size_t>(pos.line) - 1];
  int column = 1;
  while (i < text_.size() && column < pos.column && text_[i] != '\n') {
    ++i;
    while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    ++column;
  }
  return i;
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < line_starts_.size()
                        ? line_starts_[static_cast<std::size_t>(line)]
                        : text_.size();
  std::string_view view(text_.data() + start, end - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

}  // namespace pf
