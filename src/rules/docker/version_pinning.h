#pragma once

// Shared check for the version pinning rules: the package arguments of an
// install command, resolved through ARG/ENV where the model knows them, and
// one finding per RUN on the first package given without a version.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/run_scripts.h"
#include "shell/shell.h"

namespace pf::rules::pin {

// One package argument: the word it comes from and its text after expansion
// (an unquoted `$PKGS` may give several).
struct PackageArg {
  const shell::ShellWord* word = nullptr;
  std::string text;
};

// Positional arguments of `cmd` after the first `skip` ones (the
// subcommand), expanded. Words the scanner cannot know (command
// substitutions, variables without a value, variables the same RUN assigns)
// are left out rather than guessed.
std::vector<PackageArg> PackageArgs(const DockerContext& context, const RunScript& script,
                                    const shell::SimpleCommand& cmd, std::size_t skip = 1);

struct PinSpec {
  bool (*is_install)(const shell::SimpleCommand&);
  // True when the argument names a version (or is not a package at all:
  // a local file, a path, a URL, a pattern).
  bool (*is_pinned_or_not_package)(std::string_view arg);
  // Optional: the command as a whole needs no pins (e.g. a constraints file).
  bool (*command_exempt)(const shell::SimpleCommand&) = nullptr;
  // How to pin, with {} for the package: "`{}=<version>`".
  std::string_view pin_hint;
  std::size_t skip = 1;  // positionals before the packages
};

void ReportUnpinned(const DockerContext& context, Emitter& emitter, const PinSpec& spec);

// Helpers for the specs.
bool LooksLikePath(std::string_view arg);  // "/x", "./x", "../x", "~/x", "x/y"
bool EndsWith(std::string_view arg, std::initializer_list<std::string_view> suffixes);
bool HasGlob(std::string_view arg);

}  // namespace pf::rules::pin

namespace pf::rules::pin {

// `name-1.2.3` or `name-1.2.3-4.el9` (a version after a dash), the RPM way
// yum and dnf read a pinned name; also `name = 1.2` style constraints,
// local `.rpm` files, paths, `@group` names and patterns count as not
// needing a pin.
bool RpmPinnedOrNotPackage(std::string_view arg);

}  // namespace pf::rules::pin
