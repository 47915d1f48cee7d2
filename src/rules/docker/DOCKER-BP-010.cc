// DOCKER-BP-010: a pipe in RUN whose shell does not fail on a failing stage.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/run_commands.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

using shell::ParseResult;
using shell::ShellWord;
using shell::SimpleCommand;

// `-o pipefail` (or a cluster such as `-euo pipefail`) in a shell's own
// arguments, before its script.
bool ArgsSetPipefail(std::span<const ShellWord> args) {
  for (std::size_t i = 1; i + 1 < args.size(); ++i) {
    const ShellWord& a = args[i];
    if (!a.literal || a.value.size() < 2 || a.value[0] != '-' || a.value.starts_with("--")) {
      if (a.literal && a.value.starts_with("+")) continue;
      break;  // the script or the first operand: options end here
    }
    if (a.value.back() == 'o' && args[i + 1].literal && args[i + 1].value == "pipefail") {
      return true;
    }
    if (a.value.back() == 'o' || a.value.back() == 'O') ++i;  // skip the option name
  }
  return false;
}

// The command that starts the shell running `cmd`: the nearest enclosing
// `sh -c '...'` / `bash <<EOF` (or `su -c`), or -1 for the RUN's own shell.
// Command substitutions and `eval` run in the shell around them.
int ExecutingShell(const ParseResult& parsed, const SimpleCommand& cmd) {
  int parent = cmd.parent;
  for (int guard = 0; parent >= 0 && guard < 256; ++guard) {
    if (static_cast<std::size_t>(parent) >= parsed.commands.size()) return -1;
    const SimpleCommand& p = parsed.commands[static_cast<std::size_t>(parent)];
    const std::string_view name = p.Name();
    if (runcmd::IsShellProgram(name) || name == "su" || name == "runuser") return parent;
    parent = p.parent;
  }
  return -1;
}

bool ShellHasPipefail(const RunScript& script, const RunScript* command_line,
                      const ParseResult& parsed, int shell) {
  if (shell >= 0) {
    const SimpleCommand& p = parsed.commands[static_cast<std::size_t>(shell)];
    return runcmd::IsShellProgram(p.Name()) && ArgsSetPipefail(p.Args());
  }
  if (script.run->json_form) {
    // ["bash", "-o", "pipefail", "-c", "..."] carries its own options.
    std::vector<std::string> argv;
    for (const dockerfile::Word& w : script.run->args) {
      argv.push_back(w.text);
      if (w.text == "-c") break;
    }
    return shell::Classify(argv).pipefail;
  }
  if (script.from_heredoc && command_line != nullptr) {
    // `RUN bash -o pipefail <<EOF`: the heredoc runs in that shell.
    for (const SimpleCommand* c : command_line->parsed.AllCommands()) {
      if (runcmd::IsShellProgram(c->Name()) && !shell::HasFlag(*c, {"-c"})) {
        return ArgsSetPipefail(c->Args());
      }
    }
  }
  return script.shell.pipefail;
}

// `set -o pipefail` earlier in the same shell process.
bool SetEarlier(const ParseResult& parsed, const SimpleCommand& first, int shell) {
  for (const SimpleCommand& s : parsed.commands) {
    if (s.index >= first.index || s.span.begin > first.span.begin) continue;
    if (!shell::SetsPipefail(s) || ExecutingShell(parsed, s) != shell) continue;
    for (const SimpleCommand* later : shell::CommandsAfterInSameShell(parsed, s)) {
      if (later == &first) return true;
    }
  }
  return false;
}

// The `|` between the first two elements, or the first command.
ByteSpan PipeSpan(const RunScript& script, const SimpleCommand& first,
                  const SimpleCommand* second) {
  if (second != nullptr && second->span.begin > first.span.end) {
    std::size_t i = std::min(second->span.begin, script.text.size());
    while (i > first.span.end) {
      char c = script.text[i - 1];
      if (c == '|') {
        if (i >= 2 && script.text[i - 2] == '|') break;
        return {i - 1, i};
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\\' && c != '&' && c != '\r') break;
      --i;
    }
  }
  return first.argv.empty() ? first.span : first.argv.front().span;
}

std::string ElementName(const ParseResult& parsed, int index) {
  if (index < 0) return "…";
  const SimpleCommand& cmd = parsed.commands[static_cast<std::size_t>(index)];
  std::string_view name = cmd.Name();
  if (name.empty()) return "…";
  // xargs is the process in the pipe: `apt-mark | xargs apt-mark`, not `apt-mark | apt-mark`.
  return cmd.args_from_stdin ? fmt::format("xargs {}", name) : std::string(name);
}

// "`tar`", or `unknown` for a command whose name is not literal.
std::string Quoted(const std::string& name, std::string_view unknown) {
  return name == "…" ? std::string(unknown) : fmt::format("`{}`", name);
}

// `yes`, `true`, or `echo`/`printf` of literal words: such a stage has
// nothing to fail with (under pipefail `yes` even breaks the build with
// SIGPIPE), so pipefail would add nothing.
bool CannotFail(const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  if (name == "yes" || name == "true" || name == ":") return true;
  if (name != "echo" && name != "printf") return false;
  for (const ShellWord& word : cmd.Args()) {
    if (word.has_command_subst) return false;
  }
  return true;
}

bool LeftSideCannotFail(const ParseResult& parsed, const shell::Pipeline& pipeline) {
  for (std::size_t i = 0; i + 1 < pipeline.commands.size(); ++i) {
    const int c = pipeline.commands[i];
    if (c < 0 || !CannotFail(parsed.commands[static_cast<std::size_t>(c)])) return false;
  }
  return true;
}

struct Unprotected {
  ByteSpan span;
  std::string first;
  std::string last;
  std::size_t elements = 0;
  bool nested = false;
};

std::optional<Unprotected> FirstUnprotectedPipe(const RunScript& script,
                                                const RunScript* command_line) {
  const ParseResult& parsed = script.parsed;
  std::optional<Unprotected> best;
  for (const shell::Pipeline& pipeline : parsed.pipelines) {
    if (!pipeline.IsRealPipe()) continue;
    if (LeftSideCannotFail(parsed, pipeline)) continue;
    auto it = std::find_if(pipeline.commands.begin(), pipeline.commands.end(),
                           [](int c) { return c >= 0; });
    if (it == pipeline.commands.end()) continue;
    const SimpleCommand& first = parsed.commands[static_cast<std::size_t>(*it)];
    if (best && first.span.begin >= best->span.begin) continue;
    const int shell = ExecutingShell(parsed, first);
    if (ShellHasPipefail(script, command_line, parsed, shell) || SetEarlier(parsed, first, shell))
      continue;
    const SimpleCommand* second = nullptr;
    if (pipeline.commands[0] >= 0 && pipeline.commands[1] >= 0) {
      second = &parsed.commands[static_cast<std::size_t>(pipeline.commands[1])];
    }
    ByteSpan span = PipeSpan(script, first, pipeline.commands[0] >= 0 ? second : nullptr);
    best = Unprotected{span, ElementName(parsed, pipeline.commands.front()),
                       ElementName(parsed, pipeline.commands.back()), pipeline.commands.size(),
                       shell >= 0};
  }
  return best;
}

void Check(const DockerContext& context, Emitter& emitter) {
  const dockerfile::Instruction* reported = nullptr;
  const RunScript* command_line = nullptr;  // the RUN line of the heredocs that follow
  for (const RunScript& script : context.run_scripts()) {
    if (!script.from_heredoc) command_line = &script;
    if (command_line != nullptr && command_line->run != script.run) command_line = nullptr;
    if (!script.posix() || script.run == reported) continue;
    std::optional<Unprotected> pipe = FirstUnprotectedPipe(script, command_line);
    if (!pipe) continue;
    std::string fix = pipe->nested
                          ? "give that shell `-o pipefail` (`bash -o pipefail -c '...'`) or start "
                            "its script with `set -o pipefail`"
                          : "set `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before this "
                            "RUN, or start the script with `set -o pipefail` (bash, ksh, zsh)";
    emitter.Report(script.ToSource(pipe->span),
                   fmt::format("the pipe `{} |{} {}` runs without pipefail, so the RUN "
                               "succeeds when {} fails as long as {} succeeds; {}",
                               pipe->first, pipe->elements > 2 ? " … |" : "", pipe->last,
                               Quoted(pipe->first, "the first command"),
                               Quoted(pipe->last, "the last command"), fix),
                   fmt::format("{} | {}", pipe->first, pipe->last));
    reported = script.run;
  }
}

}  // namespace

extern const Rule kDockerBp010{
    .meta =
        {
            .id = "DOCKER-BP-010",
            .name = "Missing pipefail in Shell Commands",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-703",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "shell", "pipe", "pipefail", "errors"},
            .summary = "A pipe in RUN whose shell ignores failures of all but the last command.",
            .docs =
                {
                    .what = "Reports a `RUN` whose shell script (shell form, heredoc scripts, and "
                            "exec-form `[\"sh\", \"-c\", \"...\"]`) has a real pipe `a | b` (not "
                            "`||`, not a `|` inside quotes or a comment) while the shell running "
                            "it does not have pipefail: neither the `SHELL` in effect (`SHELL "
                            "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`, inherited from the "
                            "stage it builds on) nor a `set -o pipefail` (`set -euo pipefail`) "
                            "earlier in the same shell process. A pipe inside a nested script "
                            "(`bash -c '...'`) needs that shell's own `-o pipefail` or `set -o "
                            "pipefail`: a new shell does not inherit the option; subshells and "
                            "command substitutions do. RUN instructions under a PowerShell or cmd "
                            "SHELL are not analysed. One finding per instruction, on the `|` of "
                            "the first unprotected pipe. A pipe whose left side cannot fail is not "
                            "reported: `yes | ...` (under pipefail it even fails the build with "
                            "SIGPIPE), `true | ...`, and `echo`/`printf` without command "
                            "substitutions.",
                    .why = "A pipeline's exit status is that of its last command. In `curl -fsSL "
                           "URL | tar xz` a failed download leaves tar with empty input; tar may "
                           "still exit 0, the step succeeds and the image is built without the "
                           "files, or with a truncated download. The failure surfaces much later, "
                           "at runtime, far from its cause (CWE-703).",
                    .fix = "Switch the shell to one with pipefail for the whole stage: `SHELL "
                           "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (or `[\"/bin/ash\", "
                           "\"-eo\", \"pipefail\", \"-c\"]` on Alpine), or begin the RUN with "
                           "`set -o pipefail &&`. Where the shell has no pipefail, split the pipe "
                           "into steps that save to a file and check each status.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN curl -fsSL https://example.com/app.tgz | tar xz\n",
                    .good_example = "FROM debian:12\n"
                                    "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                                    "RUN curl -fsSL https://example.com/app.tgz | tar xz\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/703.html",
                            "https://docs.docker.com/build/building/best-practices/#using-pipes",
                            "https://docs.docker.com/reference/dockerfile/#shell",
                            "https://www.gnu.org/software/bash/manual/html_node/Pipelines.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
