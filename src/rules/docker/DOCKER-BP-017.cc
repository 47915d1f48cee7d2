// DOCKER-BP-017: `cd` in RUN used to set the directory of later commands.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/docker/run_commands.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

using shell::SimpleCommand;

bool ChangesDirectory(const SimpleCommand& cmd) {
  return cmd.Name() == "cd" || cmd.Name() == "pushd" || cmd.Name() == "popd";
}

// The path to suggest for WORKDIR: the operand when it is absolute as
// written or once its ENV/ARG variables are expanded; relative paths and
// variables the script sets itself have no WORKDIR equivalent as written.
std::optional<std::string> WorkdirFor(const DockerContext& context, const RunScript& script,
                                      const shell::ShellWord* operand) {
  if (operand == nullptr) return std::nullopt;
  std::optional<std::string> value = runcmd::ResolveShellWord(context, script, *operand);
  if (!value || !value->starts_with('/')) return std::nullopt;
  return operand->literal ? *value : operand->raw;
}

std::optional<runcmd::Hit> Match(const DockerContext& context, const RunScript& script,
                                 const SimpleCommand& cmd) {
  if (!ChangesDirectory(cmd)) return std::nullopt;
  if (cmd.Has(shell::kInSubshell | shell::kInCommandSubst)) return std::nullopt;
  const SimpleCommand* user = nullptr;
  for (const SimpleCommand* later : shell::CommandsAfterInSameShell(script.parsed, cmd)) {
    if (ChangesDirectory(*later) || runcmd::IgnoresDirectory(*later)) continue;
    if (user == nullptr || (user->Name().empty() && !later->Name().empty())) user = later;
    if (!user->Name().empty()) break;
  }
  if (user == nullptr) return std::nullopt;  // a trailing cd is DOCKER-BP-030
  const shell::ShellWord& word = cmd.argv[cmd.command_start];
  std::vector<const shell::ShellWord*> operands = shell::Positionals(cmd);
  const shell::ShellWord* operand = operands.empty() ? nullptr : operands.front();
  std::string shown =
      operand == nullptr ? std::string(cmd.Name()) : fmt::format("{} {}", cmd.Name(), operand->raw);
  std::string later = user->Name().empty()
                          ? std::string("the commands after it")
                          : fmt::format("`{}` and the commands after it", user->Name());
  std::optional<std::string> workdir = WorkdirFor(context, script, operand);
  std::string advice = workdir ? fmt::format("use `WORKDIR {}`", *workdir)
                               : std::string("use WORKDIR with that directory's absolute path");
  return runcmd::Hit{word.span,
                     fmt::format("`{}` sets the directory for {}; {} before the RUN so the "
                                 "directory is explicit and shared by every instruction that "
                                 "follows",
                                 shown, later, advice),
                     shown};
}

void Check(const DockerContext& context, Emitter& emitter) {
  runcmd::ReportFirstPerRun(context, emitter,
                            [&context](const RunScript& script, const SimpleCommand& cmd) {
                              return Match(context, script, cmd);
                            });
}

}  // namespace

extern const Rule kDockerBp017{
    .meta =
        {
            .id = "DOCKER-BP-017",
            .name = "Use WORKDIR Instead of cd",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "cd", "workdir", "shell", "readability"},
            .summary = "`cd dir && …` in RUN where `WORKDIR dir` says it once for every step.",
            .docs =
                {
                    .what = "Reports a `RUN` whose script changes directory with `cd` (or "
                            "`pushd`) and then runs another command in the same shell process: "
                            "`cd /src && make`, `cd /app; npm ci`, also in heredoc scripts, in `sh "
                            "-c '...'` scripts, in `if` and loop bodies, and behind wrappers. "
                            "Not reported: a `cd` inside a subshell `(cd docs && make html)` or a "
                            "command substitution `$(cd \"$dir\" && pwd)`, which limit the change "
                            "to that part on purpose and have no WORKDIR equivalent; a `cd` after "
                            "which nothing that depends on the directory runs (`make && cd /`, "
                            "`cd /x || exit 1`: a no-op, reported by DOCKER-BP-030); and "
                            "`cd` in comments or strings. One finding per instruction, on the "
                            "first such `cd`.",
                    .why = "A directory set with `cd` lasts only until the end of that RUN, so "
                           "each step repeats it and the reader has to track which directory "
                           "every command runs in; a mistyped or missing path silently runs the "
                           "rest of the chain in the wrong place when the cd is joined with `;`. "
                           "`WORKDIR` states the directory once, creates it if needed, applies "
                           "to RUN, CMD, ENTRYPOINT, COPY and ADD alike, and shows in the image "
                           "configuration.",
                    .fix = "Put `WORKDIR /path` before the RUN and drop the `cd`; use another "
                           "`WORKDIR` where the directory changes. For a one-off command in "
                           "another directory keep it in a subshell (`(cd docs && make)`) or use "
                           "the tool's own option (`make -C dir`, `git -C dir`, `npm --prefix "
                           "dir`).",
                    .bad_example = "FROM golang:1.22\n"
                                   "COPY . /src\n"
                                   "RUN cd /src && go build -o /bin/app .\n",
                    .good_example = "FROM golang:1.22\n"
                                    "WORKDIR /src\n"
                                    "COPY . .\n"
                                    "RUN go build -o /bin/app .\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#workdir",
                            "https://docs.docker.com/reference/dockerfile/#workdir",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
