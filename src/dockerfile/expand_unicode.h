#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pf::dockerfile {

// Decodes the UTF-8 code point at `pos`; an invalid byte decodes as U+FFFD
// of length 1, as Go's decoder does.
int32_t DecodeRune(std::string_view text, std::size_t pos, std::size_t* len);
void AppendRune(std::string* out, int32_t cp);

// Character classes as Go's unicode package answers them for the shell
// lexer. Letters outside ASCII are approximated: every code point that is
// not a known space, punctuation or symbol block counts as a letter.
bool IsSpace(int32_t cp);
bool IsDigit(int32_t cp);
bool IsLetter(int32_t cp);

}  // namespace pf::dockerfile
