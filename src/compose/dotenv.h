#pragma once

#include <map>
#include <string>
#include <string_view>

#include "compose/interpolate.h"

namespace pf::compose {

struct DotenvResult {
  std::map<std::string, std::string> values;
  std::string error;  // "line N: ...", empty when ok
  bool ok() const { return error.empty(); }
};

// Parses `.env` / `env_file` text as Docker Compose does:
//   KEY=value, KEY: value, `export KEY=value`, '#' comments (inline only
//   after " #" in unquoted values), 'single' (literal) and "double" quoted
//   values (escapes \a \b \f \n \r \t \v \\ \" \$ \0ooo, multi-line allowed),
//   a bare `KEY` line takes its value from `lookup` (unset: skipped).
// Unquoted and double-quoted values are interpolated; names are looked up in
// `lookup` first, then among keys already read, then in `fallback` if given.
// A UTF-8 byte order mark at the start is skipped.
DotenvResult ParseDotenv(std::string_view text, const Lookup& lookup,
                         const Lookup* fallback = nullptr);

}  // namespace pf::compose
