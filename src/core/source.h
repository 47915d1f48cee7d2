#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.h"

namespace pf {

// The bytes of one scanned file and an index of its lines. Offsets are byte
// offsets into text(); positions are line/column as reported to users.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Line/column of a byte offset (offset == size() maps past the last byte).
  Position PositionAt(std::size_t offset) const;
  Range RangeOf(ByteSpan span) const;
  // Byte offset of a position (inverse of PositionAt for valid positions).
  std::size_t OffsetOf(Position pos) const;

  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // One line without its terminator ("\n", "\r\n" or "\r"); empty if out of
  // range. Lines start at 1.
  std::string_view Line(int line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// Counts code points in a UTF-8 byte string; invalid bytes count as one each.
int CodePointCount(std::string_view bytes);

}  // namespace pf
