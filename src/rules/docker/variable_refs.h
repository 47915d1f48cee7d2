#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pf::rules {

// A variable reference BuildKit's word expansion looks up: `$NAME`,
// `${NAME}`, `${NAME:-word}` and the other modifier forms, including those
// nested inside a modifier's word (`${A:-$B}` refers to A and B).
struct VariableRef {
  std::string name;
  std::size_t offset = 0;  // of the `$` in the text
  std::size_t length = 0;  // of `$NAME` or `${NAME`
};

// The references of one word, in order. Text in single quotes and escaped
// dollars (`\$X`, or with the `escape` directive's character) are literal.
// `process_quotes` false scans the way BuildKit expands heredoc bodies:
// quotes are plain characters there.
std::vector<VariableRef> FindVariableRefs(std::string_view text, char escape, bool process_quotes);

}  // namespace pf::rules
