#pragma once

#include <string>
#include <string_view>

namespace pf::dockerfile {

// Shell patterns of ${V#p}, ${V%p} and ${V/p/r}: `*` any run, `?` one
// character, `\*`, `\?`, `\\` literals, `\}` and `\/` the bare character;
// no bracket expressions. Like BuildKit's regular-expression translation,
// `*` and `?` do not match a newline. Each returns false with `error` set
// when the pattern is invalid.

// Removes the shortest (longest when greedy) prefix of `value` matching.
bool TrimPrefixPattern(std::string_view pattern, std::string_view value, bool greedy,
                       std::string* out, std::string* error);
// Removes the shortest (longest when greedy) suffix of `value` matching.
bool TrimSuffixPattern(std::string_view pattern, std::string_view value, bool greedy,
                       std::string* out, std::string* error);
// Replaces the first (or every) leftmost-longest-star match with
// `replacement`. When replacing every match, `$$` in the replacement gives
// `$` and `$name` / `${name}` give "" (the pattern has no groups).
bool ReplacePattern(std::string_view pattern, std::string_view value, std::string_view replacement,
                    bool all, std::string* out, std::string* error);

}  // namespace pf::dockerfile
