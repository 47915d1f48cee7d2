#pragma once

// Shell text as commands: parse shell-form RUN bodies (and heredoc bodies run
// by a shell) into simple commands with argv, operators and context, so that
// rules ask "is there an `apt-get install` without -y" instead of searching
// raw text.
//
// Typical rule code:
//
//   pf::shell::ParseResult r = pf::shell::Parse(run_text);
//   for (const pf::shell::SimpleCommand* c : r.AllCommands()) {
//     if (c->Name() == "apt-get" && IsSubcommand(*c, "install") &&
//         !HasFlag(*c, {"-y", "--yes", "--assume-yes"})) { ... c->span ... }
//   }
//
// Parsing never throws and never fails hard: malformed text (unbalanced
// quotes, stray `)`, `fi` without `if`, nesting deeper than the limit) sets
// ok = false, records errors, and still returns every command it could read.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/position.h"

namespace pf::shell {

// One shell word (command name, argument, redirect target, assignment value).
struct ShellWord {
  std::string raw;    // text as written (quotes and escapes included)
  std::string value;  // after quote removal; expansions kept verbatim ("$HOME/x")
  ByteSpan span;      // bytes of `raw` in the script given to Parse
  // True when `value` is exactly what the shell would pass: no expansion and
  // no glob. Rules must treat non-literal words as unknown, never as a match.
  bool literal = true;
  bool has_expansion = false;      // $x ${x} $(..) `..` $((..)) ~ <(..)
  bool has_command_subst = false;  // $(..) `..` <(..) >(..)
  bool has_glob = false;           // unquoted * ? [..]
  bool quoted = false;             // some part was quoted or escaped
};

// `NAME=value` before a command (or given to `env`/`sudo`).
struct Assignment {
  std::string name;
  ShellWord value;      // raw/value/span of the part after `=`
  ByteSpan span;        // the whole `NAME=value` word
  bool append = false;  // NAME+=value
};

struct Redirect {
  int fd = -1;       // explicit descriptor (`2>`), -1 when not written
  std::string op;    // < > >> >| <> <& >& &> &>> << <<- <<<
  ShellWord target;  // file, descriptor, here-string, or heredoc delimiter
  int heredoc = -1;  // index into ParseResult::heredocs for << and <<-
  ByteSpan span;
};

struct Heredoc {
  std::string delimiter;
  bool quoted_delimiter = false;  // body is not expanded (<<'EOF')
  bool strip_tabs = false;        // <<-
  bool terminated = false;        // the delimiter line was found
  std::string body;  // lines between the operator line and the delimiter (tabs stripped for <<-)
  ByteSpan body_span;
  int command = -1;  // index of the owning simple command, -1 for compound commands
};

// The operator written after (or before) a command.
enum class Op : std::uint8_t {
  kNone,        // start or end of the script / list
  kAnd,         // &&
  kOr,          // ||
  kSemicolon,   // ;
  kNewline,     // end of line
  kBackground,  // &
  kPipe,        // |
  kPipeAll,     // |& (stdout and stderr)
  kCaseEnd,     // ;; ;& ;;& closing a case item
};
std::string_view OpText(Op op);

// Where a command sits. Flags accumulate through every enclosing construct.
enum Context : std::uint32_t {
  kInSubshell = 1u << 0,      // ( ... )
  kInGroup = 1u << 1,         // { ...; }
  kInCommandSubst = 1u << 2,  // $(...), `...`, <(...), >(...)
  kInIf = 1u << 3,            // condition or branch of if/elif/else
  kInCondition = 1u << 4,     // condition list of if/elif/while/until
  kInLoop = 1u << 5,          // for/select/while/until (condition or body)
  kInCase = 1u << 6,          // a case item body
  kInFunction = 1u << 7,      // function body
  kInNestedScript = 1u << 8,  // sh -c '...', su -c, eval, heredoc fed to a shell
};

struct SimpleCommand {
  int index = 0;                        // position in ParseResult::commands
  std::vector<Assignment> assignments;  // prefix assignments, then env/sudo ones
  std::vector<ShellWord> argv;          // as written, wrappers included
  std::vector<Redirect> redirects;
  ByteSpan span;  // first to last token of the command

  Op prev_op = Op::kNone;  // operator before this command at its level
  Op next_op = Op::kNone;  // operator after it (`|` inside a pipeline)
  int pipeline = -1;       // index into ParseResult::pipelines
  int pipe_from = -1;      // command whose stdout feeds this one's stdin
  int pipe_to = -1;        // command reading this one's stdout

  std::uint32_t context = 0;  // Context flags
  int depth = 0;              // nesting depth of constructs (0 = top level)
  int parent = -1;            // command whose word or script argument contains this one
  int scope = 0;              // shell process id: see CommandsAfterInSameShell

  // The real command after seeing through wrappers (sudo, env, nohup, time,
  // exec, command, xargs, nice, stdbuf, timeout, chroot, gosu, busybox,
  // python -m): argv[command_start] is its name. Equal to 0 without wrappers.
  std::size_t command_start = 0;
  std::vector<std::string> wrappers;  // names of the stripped wrappers, outermost first
  bool args_from_stdin = false;       // run through xargs: more args come from stdin

  // argv of the effective command (wrappers stripped); empty if none.
  std::span<const ShellWord> Args() const;
  // Basename of the effective command name ("/usr/bin/apt-get" -> "apt-get"),
  // or "" when that word is not literal or there is no command.
  std::string_view Name() const;
  bool Has(std::uint32_t context_flags) const { return (context & context_flags) != 0; }
};

struct Pipeline {
  // One entry per pipeline element: the simple command, or for a compound
  // element (subshell, group, loop...) its first (receiving side) command; -1
  // when the element holds no simple command.
  std::vector<int> commands;
  bool negated = false;    // `! cmd`
  Op next_op = Op::kNone;  // operator after the whole pipeline
  ByteSpan span;
  bool IsRealPipe() const { return commands.size() > 1; }
};

struct ParseError {
  std::string message;
  std::size_t offset = 0;  // byte offset in the script
};

struct ParseResult {
  bool ok = true;
  std::vector<ParseError> errors;
  // Every simple command in source order, nested ones included (bodies of
  // compound commands, functions, command substitutions, sh -c scripts).
  std::vector<SimpleCommand> commands;
  // Pipelines of the given text in source order of their start, then those
  // of nested scripts (sh -c, backticks).
  std::vector<Pipeline> pipelines;
  std::vector<Heredoc> heredocs;
  std::vector<int> scope_parents;  // scope id -> parent scope id (-1 for 0)

  // Pointers into `commands`, in source order (valid while this result lives).
  std::vector<const SimpleCommand*> AllCommands() const;
  const SimpleCommand* PipeSource(const SimpleCommand& c) const;  // pipe_from or null
  const SimpleCommand* PipeTarget(const SimpleCommand& c) const;  // pipe_to or null
};

struct ParseOptions {
  int max_depth = 64;          // nesting of constructs before giving up
  int max_script_nesting = 8;  // sh -c inside sh -c ...
};

// Parses POSIX/bash shell text. Spans refer to `script`. Commands of nested
// scripts (sh -c '...', backticks) have spans inside the argument that holds
// them; their `raw` is the text the inner shell sees.
ParseResult Parse(std::string_view script, const ParseOptions& options = {});

// ---- Queries for rules --------------------------------------------------

// How a command's options are read: which options take a value (so that
// `apt-get -o Foo=bar install` finds `install`). Short options are written
// "-o", long ones "--index-url".
struct OptionSpec {
  std::vector<std::string_view> with_value;
  bool TakesValue(std::string_view option) const;
};
// Built-in specs for common tools (apt-get, apt, apk, pip, yum, dnf, zypper,
// curl, wget, git, npm, tar, gem, ...); an empty spec for unknown names.
const OptionSpec& OptionsFor(std::string_view command_name);

// True when the effective command has one of `flags` ("-y", "--yes"), using
// OptionsFor(Name()): combined short flags (`-yq` has -y), `--flag=value`,
// values of options are not flags, nothing after `--` is a flag, and
// non-literal words never match. A multi-letter single-dash flag ("-qq")
// matches only the word itself.
bool HasFlag(const SimpleCommand& cmd, std::initializer_list<std::string_view> flags);
bool HasFlag(std::span<const ShellWord> args, std::initializer_list<std::string_view> flags,
             const OptionSpec& spec);

// Values given to any of `options`: "-o X", "-oX", "--opt X", "--opt=X".
// Non-literal values are included; check ShellWord::literal. For inline
// values a word is synthesised (span of the whole argument).
std::vector<ShellWord> FlagValues(const SimpleCommand& cmd,
                                  std::initializer_list<std::string_view> options);

// Non-option arguments of the effective command, in order (after `--`,
// everything). Subcommand() is the first one, or null.
std::vector<const ShellWord*> Positionals(const SimpleCommand& cmd);
const ShellWord* Subcommand(const SimpleCommand& cmd);
// True when Subcommand() is literal and equals one of `names`.
bool IsSubcommand(const SimpleCommand& cmd, std::initializer_list<std::string_view> names);
inline bool IsSubcommand(const SimpleCommand& cmd, std::string_view name) {
  return IsSubcommand(cmd, {name});
}

// `set -o pipefail` / `set -eo pipefail` (true) or not.
bool SetsPipefail(const SimpleCommand& cmd);

// Commands that run later in the same shell process as `cmd`, so that state
// it changes (cd, export, umask) reaches them: later in source order, and in
// the same scope or a scope nested in it. Subshells, command substitutions
// and nested scripts are their own scopes.
std::vector<const SimpleCommand*> CommandsAfterInSameShell(const ParseResult& result,
                                                           const SimpleCommand& cmd);

// ---- The shell in effect ------------------------------------------------

enum class ShellKind : std::uint8_t { kPosix, kPowerShell, kCmd, kUnknown };

struct ShellInfo {
  ShellKind kind = ShellKind::kPosix;
  std::string program;    // basename, lower case, without .exe ("bash")
  bool pipefail = false;  // -o pipefail given
  bool errexit = false;   // -e given
};

// Classifies a SHELL instruction's argv (["/bin/bash", "-o", "pipefail",
// "-c"]). An empty argv is the default /bin/sh -c. Rules must not apply
// POSIX analysis to PowerShell or cmd.
ShellInfo Classify(const std::vector<std::string>& shell_argv);

}  // namespace pf::shell
