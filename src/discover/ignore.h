#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pf::discover {

// One line of a .gitignore file (or one --exclude glob).
struct IgnorePattern {
  std::string glob;       // without `!`, leading `/` and trailing `/`
  std::string base;       // directory of the .gitignore, relative to the root ("" = root)
  bool negate = false;    // `!pattern` re-includes
  bool dir_only = false;  // `pattern/` matches directories only
  bool anchored = false;  // had a `/` before its end: matched from `base`
};

// Parses one line; nullopt for blank lines and comments.
std::optional<IgnorePattern> ParseIgnoreLine(std::string_view line, std::string_view base);

// Patterns in precedence order (later wins), as git applies them: root
// .gitignore first, nested ones after, --exclude globs last.
class IgnoreList {
 public:
  void Add(IgnorePattern pattern) { patterns_.push_back(std::move(pattern)); }
  // Adds every pattern of a .gitignore file's text found in directory `base`.
  void AddFile(std::string_view text, std::string_view base);
  // `path` is relative to the root, with `/` separators.
  bool IsIgnored(std::string_view path, bool is_dir) const;
  std::size_t size() const { return patterns_.size(); }
  // Drops patterns added after the first `n` (leaving a nested directory).
  void Truncate(std::size_t n) { patterns_.resize(n); }

 private:
  std::vector<IgnorePattern> patterns_;
};

bool PatternMatches(const IgnorePattern& pattern, std::string_view path, bool is_dir);

}  // namespace pf::discover
