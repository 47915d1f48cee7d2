#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace pf::report {

// Lines around a finding, as shown in text reports and JSON snippets.
struct Excerpt {
  int start_line = 0;
  int end_line = 0;
  std::vector<std::string> lines;  // without terminators
};

Excerpt MakeExcerpt(const SourceFile& source, int line, int context = 3);

inline constexpr int kTabWidth = 4;

// Terminal columns a line prefix takes: tabs advance to the next multiple
// of kTabWidth, East Asian wide characters take two, combining marks none,
// an invalid byte one.
int DisplayWidth(std::string_view utf8);
// The line with tabs expanded to spaces, as DisplayWidth counts them.
std::string ExpandTabs(std::string_view utf8);
// Byte length of the first `code_points` code points of `utf8`.
std::size_t PrefixBytes(std::string_view utf8, int code_points);

}  // namespace pf::report
