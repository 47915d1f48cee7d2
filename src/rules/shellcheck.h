#pragma once

// Optional ShellCheck pass over RUN scripts (`pathfinder scan --shellcheck`):
// each shell-form RUN script run by a POSIX shell is given to the
// `shellcheck` program, and its comments come back as SHELLCHECK-SCnnnn
// findings placed on the Dockerfile's own lines and columns.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/source.h"
#include "dockerfile/model.h"
#include "rules/rule.h"

namespace pf::rules {

struct ShellCheckOptions {
  // A program name looked up in PATH, or a path (when it has a slash).
  std::string program = "shellcheck";
  std::chrono::milliseconds timeout{10000};  // per script
  std::size_t max_output = 4u << 20;         // bytes read from shellcheck per script
};

// The executable to run: `program` itself when it contains a slash, else
// the first executable file of that name in PATH; nullopt when none.
std::optional<std::string> LocateShellCheck(std::string_view program);

// The one-line notice printed (on stderr) when the program is missing; the
// scan goes on without ShellCheck findings.
std::string ShellCheckMissingNotice(std::string_view program);

// The dialect given to `shellcheck --shell=`: sh, bash, dash or ksh; empty
// for shells it does not understand (zsh), whose scripts are skipped.
std::string ShellCheckDialect(std::string_view shell_program);

// Findings carry ShellCheck's code and message. Severity: ShellCheck
// errors (scripts that break) are MEDIUM, warnings LOW, info and style
// INFO. SC2154 (variables that ENV/ARG set) and SC1090/SC1091 (sourced
// files that exist only in the image) are not asked for.
struct ShellCheckResult {
  std::vector<Finding> findings;    // rule ids "SHELLCHECK-SC2086"
  std::vector<std::string> errors;  // a script shellcheck could not check
};

// Runs `binary` (from LocateShellCheck) once per shell-form RUN script,
// heredoc scripts included, under a POSIX shell. The program is started
// directly (posix_spawn, no shell), with the script on stdin, a timeout
// and a bound on what is read back.
ShellCheckResult RunShellCheck(const DockerContext& context, const std::string& binary,
                               const ShellCheckOptions& options = {});

// The same for a Dockerfile's text: parses it first (a file that does not
// parse gives nothing: the syntax error is DOCKER-COR-100's business).
ShellCheckResult RunShellCheck(const SourceFile& source, const dockerfile::BuildArgs& build_args,
                               const std::string& binary, const ShellCheckOptions& options = {});

}  // namespace pf::rules
