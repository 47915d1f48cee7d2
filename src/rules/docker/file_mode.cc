#include "rules/docker/file_mode.h"

namespace pf::rules {

namespace {

constexpr unsigned kOthersWrite = 02;
constexpr unsigned kSticky = 01000;

bool ParseOctal(std::string_view text, FileMode* mode) {
  if (text.empty() || text.size() > 5) return false;
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '7') return false;
    value = value * 8 + static_cast<unsigned>(c - '0');
  }
  if (value > 07777) return false;
  mode->valid = true;
  mode->octal = true;
  mode->bits = value;
  mode->others_write = (value & kOthersWrite) != 0;
  mode->sticky = (value & kSticky) != 0;
  return true;
}

// One clause: who part, then one or more `op perms` actions.
bool ParseClause(std::string_view clause, FileMode* mode) {
  std::size_t i = 0;
  bool others = false;
  bool all = false;
  while (i < clause.size() &&
         (clause[i] == 'u' || clause[i] == 'g' || clause[i] == 'o' || clause[i] == 'a')) {
    others = others || clause[i] == 'o';
    all = all || clause[i] == 'a';
    ++i;
  }
  // Without a who part the umask applies, which keeps others from writing.
  const bool touches_others = others || all;
  if (i >= clause.size()) return false;
  while (i < clause.size()) {
    const char op = clause[i];
    if (op != '+' && op != '-' && op != '=') return false;
    ++i;
    bool write = false;
    bool sticky = false;
    bool copy = false;
    while (i < clause.size() && clause[i] != '+' && clause[i] != '-' && clause[i] != '=') {
      switch (clause[i]) {
        case 'w':
          write = true;
          break;
        case 't':
          sticky = true;
          break;
        case 'r':
        case 'x':
        case 'X':
        case 's':
          break;
        case 'u':
        case 'g':
        case 'o':
          copy = true;  // permissions copied from another class: not known here
          break;
        default:
          return false;
      }
      ++i;
    }
    if (touches_others && !copy) {
      if (op == '+' && write) mode->others_write = true;
      if (op == '-' && write) mode->others_write = false;
      if (op == '=') mode->others_write = write;
    }
    if (sticky && op != '-') mode->sticky = true;
    if (sticky && op == '-') mode->sticky = false;
  }
  return true;
}

}  // namespace

FileMode ParseFileMode(std::string_view text) {
  FileMode mode;
  if (ParseOctal(text, &mode)) return mode;
  if (text.empty()) return FileMode{};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    if (!ParseClause(text.substr(start, comma - start), &mode)) return FileMode{};
    start = comma + 1;
  }
  mode.valid = true;
  return mode;
}

bool IsWorldWritable(const FileMode& mode) {
  return mode.valid && mode.others_write && !mode.sticky;
}

}  // namespace pf::rules
