#pragma once

// How BuildKit's shell lexer reads a parameter name after `$`, shared by word
// expansion, heredoc detection and the rules that look for variable uses.

#include <cstddef>
#include <string_view>

namespace pf::dockerfile {

// unicode.IsLetter, approximated outside ASCII: every code point that is not
// in a known block of spaces, punctuation, symbols or marks is a letter.
bool IsShellLetter(char32_t c);
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Letters, digits and `_`: the characters of a variable name.
inline bool IsShellNameChar(char32_t c) { return IsShellLetter(c) || IsAsciiDigit(c) || c == '_'; }
// `$@`, `$*`, `$#`, `$?`, `$-`, `$$`, `$!` and `$0`.
bool IsSpecialParam(char32_t c);

// Byte length of the name at `pos` (just after `$` or `${`): a run of digits
// (a positional parameter), one special parameter character, or a run of
// name characters. 0 when there is none.
std::size_t ShellNameLength(std::string_view text, std::size_t pos);

}  // namespace pf::dockerfile
