// DOCKER-BP-030: commands that do nothing useful in a build container.
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

using shell::ShellWord;
using shell::SimpleCommand;

bool In(std::string_view value, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool IsCd(const SimpleCommand& cmd) { return In(cmd.Name(), {"cd", "pushd", "popd"}); }

// Nothing runs after `cmd` in its shell process; with `ignore_cd`, nothing
// but directory changes and commands that ignore the directory (`exit`).
bool NothingAfter(const RunScript& script, const SimpleCommand& cmd, bool ignore_cd) {
  for (const SimpleCommand* later : shell::CommandsAfterInSameShell(script.parsed, cmd)) {
    if (!(ignore_cd && (IsCd(*later) || runcmd::IgnoresDirectory(*later)))) return false;
  }
  return true;
}

bool AnyArgStartsWith(const SimpleCommand& cmd, std::initializer_list<std::string_view> prefixes) {
  std::span<const ShellWord> args = cmd.Args();
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (!args[i].literal) continue;
    for (std::string_view p : prefixes) {
      if (args[i].value.starts_with(p)) return true;
    }
  }
  return false;
}

// An editor or viewer that waits for a terminal, unless run in a scripted
// mode (`vim -es`, `vi -c 'wq'`, `emacs --batch`, `top -b`).
std::optional<std::string> Interactive(const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  if (In(name, {"vim", "vi", "nvim", "view"})) {
    if (AnyArgStartsWith(
            cmd, {"-e", "-E", "-s", "-c", "-S", "+", "--headless", "--version", "-h", "--help"})) {
      return std::nullopt;
    }
    return fmt::format(
        "`{}` is an interactive editor: a build has no terminal, so it edits "
        "nothing (or hangs); change files with sed, a heredoc or COPY",
        name);
  }
  if (name == "nano" || name == "emacs") {
    if (AnyArgStartsWith(cmd, {"--batch", "-batch", "--script", "--version", "-V", "--help"})) {
      return std::nullopt;
    }
    return fmt::format(
        "`{}` is an interactive editor: a build has no terminal, so it edits "
        "nothing (or hangs); change files with sed, a heredoc or COPY",
        name);
  }
  if (name == "top" || name == "htop") {
    if (name == "top" && shell::HasFlag(cmd, {"-b"})) return std::nullopt;
    return fmt::format(
        "`{}` is an interactive monitor: in a build it shows nothing useful "
        "and may hang; remove it",
        name);
  }
  return std::nullopt;
}

// `ssh host` with no remote command opens an interactive login.
std::optional<std::string> InteractiveSsh(const SimpleCommand& cmd) {
  if (cmd.Name() != "ssh") return std::nullopt;
  static constexpr std::string_view kWithValue = "BbcDEeFIiJLlmOopQRSWw";
  std::span<const ShellWord> args = cmd.Args();
  std::size_t operands = 0;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const ShellWord& a = args[i];
    if (!a.literal) return std::nullopt;  // unknown: may be a command
    std::string_view v = a.value;
    if (v.size() >= 2 && v[0] == '-' && operands == 0) {
      if (v.find_first_of("NTfGVOQ") != std::string_view::npos) return std::nullopt;
      if (kWithValue.find(v.back()) != std::string_view::npos) ++i;
      continue;
    }
    ++operands;
  }
  if (operands != 1) return std::nullopt;
  return std::string(
      "`ssh` with no remote command opens an interactive login: a build has "
      "no terminal, so it does nothing useful; give it a command or remove it");
}

// A later command that may talk to the service just started: a client or
// script runner, or a command whose words name the service
// (`mysqladmin` after `service mysql start`). `rm`, `apt-get`, `echo` do not.
bool MayUseService(const SimpleCommand& later, std::string_view service) {
  const std::string_view name = runcmd::Basename(later.Name());
  if (In(name,
         {"psql",       "createdb",   "createuser",   "pg_restore", "pg_isready", "redis-cli",
          "mongo",      "mongosh",    "mongorestore", "curl",       "wget",       "nc",
          "php",        "python",     "python3",      "node",       "ruby",       "perl",
          "java",       "sh",         "bash",         "su",         "sudo",       "runuser",
          "gosu",       "make",       "sleep",        "while",      "until",      "rabbitmqctl",
          "ldapadd",    "ldapmodify", "cassandra",    "cqlsh",      "mysql",      "mariadb",
          "mysqladmin", "drush",      "wp",           "artisan",    "composer",   "npm",
          "yarn",       "service",    "systemctl"})) {
    return true;
  }
  const std::string_view stem = service.substr(0, std::min<std::size_t>(service.size(), 4));
  if (stem.empty()) return true;
  for (const ShellWord& word : later.argv) {
    if (word.has_command_subst || word.value.find(stem) != std::string::npos) return true;
  }
  return false;
}

std::optional<std::string> ServiceStart(const RunScript& script, const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  std::vector<const ShellWord*> pos = shell::Positionals(cmd);
  auto literal = [&](std::size_t i) {
    return i < pos.size() && pos[i]->literal ? std::string_view(pos[i]->value) : std::string_view();
  };
  if (name == "systemctl") {
    const std::string_view verb = literal(0);
    const bool starts =
        In(verb, {"start", "restart", "reload", "try-restart", "reload-or-restart", "isolate"}) ||
        (verb == "enable" && shell::HasFlag(cmd, {"--now"}));
    if (!starts) return std::nullopt;
    return fmt::format(
        "`systemctl {}` needs a running systemd, which a build container does "
        "not have; start services from the container's CMD/ENTRYPOINT (use "
        "`systemctl enable` alone to set up a systemd image)",
        verb);
  }
  // `service nginx start`, `/etc/init.d/nginx start`: the daemon dies with
  // the RUN. Reported only when nothing later in that shell could use it
  // (`service mysql start && mysql < schema.sql` does work).
  std::string_view verb;
  std::string what;
  if (name == "service") {
    verb = literal(1);
    what = fmt::format("service {} {}", literal(0), verb);
  } else if (!cmd.argv.empty() && cmd.argv[cmd.command_start].literal &&
             cmd.argv[cmd.command_start].value.starts_with("/etc/init.d/")) {
    verb = literal(0);
    what = fmt::format("{} {}", cmd.argv[cmd.command_start].value, verb);
  } else {
    return std::nullopt;
  }
  if (!In(verb, {"start", "restart", "reload", "force-reload"})) return std::nullopt;
  const std::string_view service =
      name == "service" ? literal(0) : runcmd::Basename(cmd.argv[cmd.command_start].value);
  for (const SimpleCommand* later : shell::CommandsAfterInSameShell(script.parsed, cmd)) {
    if (MayUseService(*later, service)) return std::nullopt;
  }
  return fmt::format(
      "`{}` starts a daemon that is killed when this RUN ends and is not part "
      "of the image; start it from the container's CMD/ENTRYPOINT",
      what);
}

std::optional<std::string> Nonsensical(const RunScript& script, const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  if (In(name, {"shutdown", "reboot", "halt", "poweroff"})) {
    return fmt::format(
        "`{}` cannot act on a build container (there is no machine to stop and "
        "no init to ask); remove it",
        name);
  }
  if (name == "cd" || name == "pushd") {
    // Commands in a loop run again after it; a function runs when called.
    if (cmd.Has(shell::kInLoop | shell::kInFunction)) return std::nullopt;
    if (!NothingAfter(script, cmd, true)) return std::nullopt;
    return fmt::format(
        "`{}` is the last thing this shell runs: the directory change ends with "
        "the RUN and affects nothing; remove it, or use WORKDIR to set the "
        "directory for later instructions",
        name);
  }
  if (auto why = ServiceStart(script, cmd)) return why;
  if (auto why = Interactive(cmd)) return why;
  return InteractiveSsh(cmd);
}

std::optional<runcmd::Hit> Match(const RunScript& script, const SimpleCommand& cmd) {
  if (cmd.argv.empty() || cmd.Name().empty()) return std::nullopt;
  std::optional<std::string> why = Nonsensical(script, cmd);
  if (!why) return std::nullopt;
  const ShellWord& word = cmd.argv[cmd.command_start];
  return runcmd::Hit{word.span, std::move(*why), std::string(cmd.Name())};
}

void Check(const DockerContext& context, Emitter& emitter) {
  runcmd::ReportFirstPerRun(context, emitter, &Match);
}

}  // namespace

extern const Rule kDockerBp030{
    .meta =
        {
            .id = "DOCKER-BP-030",
            .name = "Nonsensical Command",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "shell", "cd", "service", "systemctl",
                     "editor"},
            .summary = "A command that has no effect in a build container (trailing `cd`, "
                       "`shutdown`, `service … start`, `vim`).",
            .docs =
                {
                    .what =
                        "Reports the first command of a `RUN` script (heredoc and `sh -c` "
                        "scripts included) that cannot do anything useful while an image is "
                        "built: a `cd`/`pushd` after which the shell runs nothing but other "
                        "directory changes and `exit`/`return`/`true`/`false`/`:` (a trailing "
                        "`cd`, also `cd /x || exit 1` at the end; not in loop bodies, which run "
                        "again, nor in functions); `shutdown`, `reboot`, `halt`, `poweroff`; "
                        "`systemctl start|restart|reload|try-restart|reload-or-restart|"
                        "isolate` and `systemctl enable --now` (no systemd runs during a "
                        "build; plain `systemctl enable` only writes symlinks and is fine for "
                        "systemd images); `service X start|restart|reload` and "
                        "`/etc/init.d/X start` unless a later command in the same shell may use "
                        "the daemon (a client or script runner such as `mysql`, `psql`, `curl`, "
                        "`php`, or a command naming the service: a database seeded in the same "
                        "RUN does work; `rm` or `apt-get` after it do not); interactive editors "
                        "`vi`, `vim`, "
                        "`nvim`, `nano`, `emacs` unless scripted (`vim -es`, `vi -c`, `emacs "
                        "--batch`); `top` without `-b`, `htop`; and `ssh HOST` with no remote "
                        "command. Diagnostics that print and exit (`free`, `df`, `ps`, "
                        "`uname`) are not reported: their output lands in the build log. One "
                        "finding per instruction.",
                    .why = "Each RUN runs in a fresh process whose only lasting effect is the "
                           "filesystem it leaves behind. Directory changes, started daemons and "
                           "shutdown requests vanish when the step ends, and an interactive "
                           "program has no terminal to talk to: it fails, does nothing, or hangs "
                           "the build. Such commands suggest the author expected an effect the "
                           "image will not have.",
                    .fix = "Remove the command. Use `WORKDIR` to set a directory for later "
                           "instructions, start services from `CMD`/`ENTRYPOINT` (or a process "
                           "supervisor), and edit files non-interactively with `sed`, a heredoc "
                           "or `COPY`.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update && apt-get install -y nginx && "
                                   "service nginx start\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update && apt-get install -y nginx\n"
                                    "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#run",
                            "https://docs.docker.com/reference/dockerfile/#workdir",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
