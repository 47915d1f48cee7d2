#include "discover/ignore.h"

#include "discover/glob.h"

namespace pf::discover {

std::optional<IgnorePattern> ParseIgnoreLine(std::string_view line, std::string_view base) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Trailing spaces are dropped unless escaped with a backslash.
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  if (line.empty() || line.front() == '#') return std::nullopt;
  IgnorePattern p;
  p.base = std::string(base);
  if (line.front() == '!') {
    p.negate = true;
    line.remove_prefix(1);
  } else if (line.size() >= 2 && line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    p.dir_only = true;
    while (!line.empty() && line.back() == '/') line.remove_suffix(1);
  }
  if (line.empty()) return std::nullopt;
  p.anchored = line.find('/') != std::string_view::npos;
  while (!line.empty() && line.front() == '/') line.remove_prefix(1);
  if (line.empty()) return std::nullopt;
  p.glob = std::string(line);
  return p;
}

void IgnoreList::AddFile(std::string_view text, std::string_view base) {
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (auto p = ParseIgnoreLine(line, base)) Add(std::move(*p));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

bool PatternMatches(const IgnorePattern& pattern, std::string_view path, bool is_dir) {
  if (pattern.dir_only && !is_dir) return false;
  if (!pattern.base.empty()) {
    if (path.size() <= pattern.base.size() || !path.starts_with(pattern.base) ||
        path[pattern.base.size()] != '/') {
      return false;
    }
    path.remove_prefix(pattern.base.size() + 1);
  }
  if (pattern.anchored) return GlobMatch(pattern.glob, path);
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return GlobMatch(pattern.glob, name);
}

bool IgnoreList::IsIgnored(std::string_view path, bool is_dir) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (PatternMatches(*it, path, is_dir)) return !it->negate;
  }
  return false;
}

}  // namespace pf::discover
