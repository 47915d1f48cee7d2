#pragma once

#include <cstddef>

namespace pf {

// A place in a source file. Lines and columns start at 1; columns count
// Unicode code points, which is what editors and SARIF's
// "unicodeCodePoints" column kind show.
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// A half-open span: `end` is the position just after the last character.
struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

// A half-open span of byte offsets into a source's text.
struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

}  // namespace pf
