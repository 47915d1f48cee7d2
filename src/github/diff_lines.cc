#include "github/diff_lines.h"

#include <charconv>

namespace pf::github {
namespace {

// The new-side start of a hunk header "@@ -a[,b] +c[,d] @@ ...", or 0.
int HunkNewStart(std::string_view line) {
  if (line.substr(0, 4) != "@@ -") return 0;
  size_t plus = line.find(" +", 4);
  if (plus == std::string_view::npos) return 0;
  size_t digits = plus + 2;
  int start = 0;
  auto [ptr, ec] = std::from_chars(line.data() + digits, line.data() + line.size(), start);
  if (ec != std::errc() || ptr == line.data() + digits) return 0;
  std::string_view rest(ptr, static_cast<size_t>(line.data() + line.size() - ptr));
  if (!rest.empty() && rest[0] == ',') {
    size_t close = rest.find(" @@");
    if (close == std::string_view::npos) return 0;
  } else if (rest.substr(0, 3) != " @@") {
    return 0;
  }
  return start;
}

}  // namespace

std::set<int> DiffRightLines(std::string_view patch) {
  std::set<int> lines;
  int next_new_line = 0;  // 0: not inside a hunk
  size_t start = 0;
  while (start < patch.size()) {
    size_t end = patch.find('\n', start);
    if (end == std::string_view::npos) end = patch.size();
    std::string_view line = patch.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (int hunk = HunkNewStart(line); hunk > 0) {
      next_new_line = hunk;
      continue;
    }
    if (next_new_line == 0 || line.empty()) continue;
    switch (line[0]) {
      case '+':
      case ' ':
        lines.insert(next_new_line++);
        break;
      default:  // '-' is old side only; '\' is "No newline at end of file"
        break;
    }
  }
  return lines;
}

}  // namespace pf::github
