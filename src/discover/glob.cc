#include "discover/glob.h"

#include <cstddef>

namespace pf::discover {

namespace {

// Matches a bracket class starting at pattern[p] == '['. Sets *next to the
// index after `]`; returns false in *valid when the class is unterminated.
bool MatchClass(std::string_view pattern, std::size_t p, char c, std::size_t* next, bool* valid) {
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char lo = pattern[i];
    if (lo == '\\' && i + 1 < pattern.size()) lo = pattern[++i];
    char hi = lo;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      hi = pattern[i + 2];
      if (hi == '\\' && i + 3 < pattern.size()) {
        hi = pattern[i + 3];
        ++i;
      }
      i += 2;
    }
    if (lo <= c && c <= hi) matched = true;
    ++i;
  }
  if (i >= pattern.size()) {
    *valid = false;
    return false;
  }
  *valid = true;
  *next = i + 1;
  return matched != negate && c != '/';
}

bool Match(std::string_view pat, std::size_t p, std::string_view text, std::size_t t) {
  while (p < pat.size()) {
    char pc = pat[p];
    if (pc == '*') {
      bool double_star = p + 1 < pat.size() && pat[p + 1] == '*';
      bool at_segment_start = p == 0 || pat[p - 1] == '/';
      if (double_star && at_segment_start) {
        std::size_t after = p + 2;
        if (after == pat.size()) return true;  // `a/**`: everything below
        if (pat[after] == '/') {
          // `**/`: zero or more whole directories.
          std::size_t rest = after + 1;
          if (Match(pat, rest, text, t)) return true;
          for (std::size_t i = t; i < text.size(); ++i) {
            if (text[i] == '/' && Match(pat, rest, text, i + 1)) return true;
          }
          return false;
        }
      }
      while (p < pat.size() && pat[p] == '*') ++p;
      if (p == pat.size()) return text.find('/', t) == std::string_view::npos;
      for (std::size_t i = t; i <= text.size(); ++i) {
        if (Match(pat, p, text, i)) return true;
        if (i < text.size() && text[i] == '/') return false;
      }
      return false;
    }
    if (t >= text.size()) return false;
    if (pc == '?') {
      if (text[t] == '/') return false;
      ++p;
      ++t;
      continue;
    }
    if (pc == '[') {
      std::size_t next = 0;
      bool valid = false;
      bool ok = MatchClass(pat, p, text[t], &next, &valid);
      if (valid) {
        if (!ok) return false;
        p = next;
        ++t;
        continue;
      }
      // An unterminated `[` is a literal.
    }
    if (pc == '\\' && p + 1 < pat.size()) pc = pat[++p];
    if (pc != text[t]) return false;
    ++p;
    ++t;
  }
  return t == text.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  return Match(pattern, 0, path, 0);
}

}  // namespace pf::discover
