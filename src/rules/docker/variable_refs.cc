#include "rules/docker/variable_refs.h"

#include <cctype>

namespace pf::rules {

namespace {

bool IsNameByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  // Bytes of non-ASCII letters count, as BuildKit accepts Unicode letters.
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool IsSpecialParam(char c) {
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

// Reads a name at `i` the way BuildKit's lexer does; returns its length.
std::size_t NameLength(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  if (std::isdigit(static_cast<unsigned char>(text[i]))) {
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    return j - i;
  }
  if (IsSpecialParam(text[i])) return 1;
  std::size_t j = i;
  while (j < text.size() && IsNameByte(text[j])) ++j;
  return j - i;
}

}  // namespace

std::vector<VariableRef> FindVariableRefs(std::string_view text, char escape, bool process_quotes) {
  std::vector<VariableRef> refs;
  bool in_double = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == escape) {
      i += 2;  // the escaped character is literal
      continue;
    }
    if (process_quotes && c == '\'' && !in_double) {
      std::size_t close = text.find('\'', i + 1);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    if (process_quotes && c == '"') {
      in_double = !in_double;
      ++i;
      continue;
    }
    if (c != '$') {
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      const std::size_t start = i + 2;
      if (start >= text.size() || text[start] == '{' || text[start] == '}' || text[start] == ':') {
        i = start;
        continue;
      }
      std::size_t n = NameLength(text, start);
      if (n > 0) refs.push_back({std::string(text.substr(start, n)), i, 2 + n});
      // Modifier words are scanned on: references nested in them count too.
      i = start + n;
      continue;
    }
    std::size_t n = NameLength(text, i + 1);
    if (n > 0) refs.push_back({std::string(text.substr(i + 1, n)), i, 1 + n});
    i += 1 + n;
  }
  return refs;
}

}  // namespace pf::rules
