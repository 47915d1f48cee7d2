#pragma once

#include <string_view>

namespace pf::discover {

// Matches `path` against a gitignore-style glob: `*` and `?` stop at `/`,
// `[a-z]`/`[!a-z]` classes, `\` escapes the next character, and `**` as a
// whole path segment (`**/x`, `a/**/b`, `a/**`) spans any number of
// directories. Anywhere else `**` behaves like `*`.
bool GlobMatch(std::string_view pattern, std::string_view path);

}  // namespace pf::discover
