#pragma once

// Small text helpers shared by the compose parsers (internal to pf_compose).
// UTF-8 decoding and Go quoting live in core/utf8.h.
namespace pf::compose::detail {

inline bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

}  // namespace pf::compose::detail
