#pragma once

// Helpers shared by the rules that look at the commands a RUN executes.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.h"
#include "rules/rule.h"
#include "rules/run_scripts.h"
#include "shell/shell.h"

namespace pf::rules::runcmd {

// What a RUN rule found on one command: a span of the script text.
struct Hit {
  ByteSpan span;
  std::string message;
  std::string offending;
};

using CommandMatcher =
    std::function<std::optional<Hit>(const RunScript&, const shell::SimpleCommand&)>;

// Calls `match` on every command of every POSIX script of every RUN, in
// source order, and reports the first hit of each RUN instruction (a RUN
// with a body and heredoc scripts still gets one finding).
void ReportFirstPerRun(const DockerContext& context, Emitter& emitter, const CommandMatcher& match);

// "/usr/bin/bash" -> "bash".
std::string_view Basename(std::string_view path);

// A POSIX-style shell program: sh, bash, dash, ash, ksh, mksh, zsh, busybox sh.
bool IsShellProgram(std::string_view name);

// The word of `cmd` whose basename is `name` and that stands in command
// position (argv[0], a wrapper, or the effective command), or null.
const shell::ShellWord* CommandWord(const shell::SimpleCommand& cmd, std::string_view name);

// An exec-form RUN that runs a program directly (`RUN ["sudo", "make"]`, not
// `["sh", "-c", "..."]`), ONBUILD's included; `scope` is where it stands.
struct ExecRun {
  const dockerfile::Instruction* run = nullptr;
  const dockerfile::Instruction* scope = nullptr;
  std::string_view program;  // basename of the first argument
};
std::vector<ExecRun> ExecFormRuns(const DockerContext& context);

// The value of a shell word whose only expansions are variables that the
// RUN gets from ENV or ARG (`chmod $MODE x` after `ARG MODE=777`), expanded
// with the model; nullopt for command substitutions, positional
// parameters, unknown variables, and variables the script may set itself
// (the name appears other than as `$NAME`/`${NAME`).
std::optional<std::string> ResolveShellWord(const DockerContext& context, const RunScript& script,
                                            const shell::ShellWord& word);

// Commands whose effect does not depend on the working directory
// (`exit`, `true`, `:`...): a `cd` followed only by them sets nothing.
bool IgnoresDirectory(const shell::SimpleCommand& cmd);

// Lower-cased copy.
std::string Lower(std::string_view text);

}  // namespace pf::rules::runcmd
