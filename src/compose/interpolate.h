#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pf::compose {

// Answers a variable name with its value, or nullopt when the variable is
// unset. A set variable may have an empty value; the operators below treat
// "unset" and "empty" differently.
using Lookup = std::function<std::optional<std::string>(std::string_view name)>;

enum class InterpolationError {
  kNone,
  kInvalidTemplate,  // "Invalid template: \"<template>\""
  kMissingRequired,  // "required variable NAME is missing a value[: reason]"
  kTooDeep,          // nesting of defaults beyond the safety limit
};

struct InterpolationResult {
  std::string value;
  // True when some variable was looked up, was unset, and had no default:
  // Compose substitutes an empty string there (and warns). Rules should stay
  // silent on such values, since the real value is unknown.
  bool unresolved = false;
  InterpolationError error = InterpolationError::kNone;
  std::string error_text;  // Compose's message, empty when ok
  bool ok() const { return error == InterpolationError::kNone; }
};

// Substitutes variables the way Docker Compose does:
//   $VAR ${VAR}            value, or "" when unset (marks `unresolved`)
//   ${VAR:-default}        default when unset or empty
//   ${VAR-default}         default when unset
//   ${VAR:?message}        error when unset or empty
//   ${VAR?message}         error when unset
//   ${VAR:+replacement}    replacement when set and not empty, else ""
//   ${VAR+replacement}     replacement when set, else ""
//   $$                     a literal "$"
// Defaults, replacements and messages may nest further substitutions; they
// are only expanded when used. Names are [_A-Za-z][_A-Za-z0-9]*. A lone "$"
// followed by anything else is kept as is; "${" that does not form a valid
// substitution is an invalid template.
InterpolationResult Interpolate(std::string_view text, const Lookup& lookup);

}  // namespace pf::compose
