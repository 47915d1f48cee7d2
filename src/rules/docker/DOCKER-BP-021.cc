// DOCKER-BP-021: apt-get install without -y.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// apt-get's quiet level: each `q` of a short group counts once, `--quiet`
// once, and `-q=N` / `--quiet=N` set it.
int QuietLevel(const shell::SimpleCommand& cmd) {
  const shell::OptionSpec& spec = shell::OptionsFor("apt-get");
  std::span<const shell::ShellWord> args = cmd.Args();
  int level = 0;
  auto number = [](std::string_view text) {
    int n = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
      if (n > 100) return 100;
    }
    return n;
  };
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (!args[i].literal) continue;
    std::string_view v = args[i].value;
    if (v == "--") break;
    if (v.size() < 2 || v[0] != '-') continue;
    std::size_t eq = v.find('=');
    if (v.starts_with("--")) {
      std::string_view name = v.substr(0, eq);
      if (name == "--quiet") {
        level = eq == std::string_view::npos ? level + 1 : number(v.substr(eq + 1));
      } else if (eq == std::string_view::npos && spec.TakesValue(name)) {
        ++i;
      }
      continue;
    }
    if (v.starts_with("-q=")) {
      level = number(v.substr(3));
      continue;
    }
    for (std::size_t j = 1; j < v.size(); ++j) {
      if (v[j] == 'q') ++level;
      if (spec.TakesValue(std::string("-") + v[j])) {
        if (j + 1 == v.size()) ++i;  // the value is the next word
        break;
      }
    }
  }
  return level;
}

bool AnswersYes(const RunScript& script, const shell::SimpleCommand& cmd) {
  if (shell::HasFlag(cmd, {"-y", "--yes", "--assume-yes"})) return true;
  for (const std::string& value :
       pkg::OptionValues(cmd, {"-o", "--option"}, "APT::Get::Assume-Yes")) {
    if (pkg::ParseBool(value) == true) return true;
  }
  return QuietLevel(cmd) >= 2 || pkg::FedByYes(script, cmd);
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const pkg::RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!pkg::IsAptGetInstall(cmd)) return std::nullopt;
        if (AnswersYes(*at.script, cmd)) return std::nullopt;
        return pkg::Offense{&pkg::SubcommandWord(cmd),
                            "`apt-get install` without -y asks for confirmation, which a build "
                            "cannot give, and aborts; add -y (DEBIAN_FRONTEND=noninteractive does "
                            "not answer this prompt)",
                            "apt-get install"};
      });
}

}  // namespace

extern const Rule kDockerBp021{
    .meta =
        {
            .id = "DOCKER-BP-021",
            .name = "Missing -y flag for apt-get",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "apt-get", "debian", "ubuntu",
                     "non-interactive", "package-manager"},
            .summary = "`apt-get install` without -y stops at the confirmation prompt and "
                       "fails the build.",
            .docs =
                {
                    .what = "Reports an `apt-get install` command in a RUN instruction that does "
                            "not answer apt's confirmation prompt. Accepted answers: `-y`, "
                            "`--yes`, `--assume-yes` (also inside a group such as `-yq`), `-o "
                            "APT::Get::Assume-Yes=true`, quiet level 2 (`-qq`, `-q -q`, "
                            "`--quiet=2`), which apt-get documents as implying -y, and input "
                            "piped from `yes` (`yes | apt-get install x`). "
                            "`DEBIAN_FRONTEND=noninteractive` is not an answer: it silences "
                            "debconf questions of package scripts, not apt-get's own prompt. The "
                            "command is found in the parsed shell script of the RUN: after "
                            "`sudo`/`env` wrappers, inside `sh -c '...'`, in heredoc scripts and "
                            "across `\\` continuations; text in comments or strings (`echo "
                            "\"apt-get install\"`) and a command named by a variable are not "
                            "commands. One finding per RUN instruction, on the `install` word. "
                            "RUN instructions under a PowerShell or cmd SHELL are not checked. A "
                            "setting in an apt configuration file is not seen.",
                    .why = "A build has no terminal: when apt-get asks \"Do you want to continue? "
                           "[Y/n]\" it reads end of input, answers no and aborts, so the build "
                           "fails, or worse, succeeds only as long as the install happens not to "
                           "need extra packages (apt-get asks only when it installs more than "
                           "was named). The Dockerfile then breaks the day a dependency is "
                           "added.",
                    .fix = "Add `-y` to every `apt-get install`: `apt-get install -y "
                           "--no-install-recommends curl`.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update \\\n"
                                   "    && apt-get install --no-install-recommends curl \\\n"
                                   "    && rm -rf /var/lib/apt/lists/*\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    "    && apt-get install -y --no-install-recommends curl \\\n"
                                    "    && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
                            "https://docs.docker.com/build/building/best-practices/#apt-get",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
