// DOCKER-SEC-101: a downloaded script run straight by a shell or interpreter.
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

// curl writes to stdout unless told to save to a file; wget only with
// -O - (or /dev/stdout). A non-literal target is unknown: not stdout.
bool WritesToStdout(const SimpleCommand& cmd) {
  const std::string_view name = cmd.Name();
  auto is_stdout = [](const ShellWord& w) {
    return w.literal && (w.value == "-" || w.value == "/dev/stdout");
  };
  if (name == "curl") {
    if (shell::HasFlag(cmd, {"-O", "--remote-name", "--remote-name-all"})) return false;
    for (const ShellWord& w : shell::FlagValues(cmd, {"-o", "--output"})) {
      if (!is_stdout(w)) return false;
    }
    return true;
  }
  if (name == "wget") {
    std::vector<ShellWord> targets = shell::FlagValues(cmd, {"-O", "--output-document"});
    return !targets.empty() && std::all_of(targets.begin(), targets.end(), is_stdout);
  }
  return false;
}

// How an interpreter is told where its program comes from.
struct InterpreterSpec {
  std::vector<std::string_view> code_flags;   // program given inline (-c, -e)
  std::vector<std::string_view> value_flags;  // other options taking a value
  std::string_view stdin_flag;                // program read from stdin (sh -s)
};

std::optional<InterpreterSpec> InterpreterFor(std::string_view name) {
  if (runcmd::IsShellProgram(name)) return InterpreterSpec{{"-c"}, {"-o", "+o", "-O", "+O"}, "-s"};
  auto versioned = [&](std::string_view family) {
    if (!name.starts_with(family)) return false;
    return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(family.size()), name.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  };
  if (versioned("python")) return InterpreterSpec{{"-c", "-m"}, {"-W", "-X", "-Q"}, {}};
  if (versioned("perl")) return InterpreterSpec{{"-e", "-E"}, {"-I", "-M", "-m"}, {}};
  if (versioned("ruby")) return InterpreterSpec{{"-e"}, {"-I", "-r", "-C", "-E"}, {}};
  if (name == "node" || name == "nodejs") {
    return InterpreterSpec{{"-e", "--eval", "-p", "--print"}, {"-r", "--require"}, {}};
  }
  if (versioned("php")) return InterpreterSpec{{"-r", "-f", "-R", "-F"}, {"-d", "-c", "-z"}, {}};
  return std::nullopt;
}

bool Contains(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Where an interpreter command takes its program from.
struct ProgramSource {
  bool from_stdin = false;
  const ShellWord* code = nullptr;     // the inline program word (-c ARG)
  const ShellWord* operand = nullptr;  // the script file operand
};

ProgramSource ProgramOf(const SimpleCommand& cmd, const InterpreterSpec& spec) {
  ProgramSource out;
  std::span<const ShellWord> args = cmd.Args();
  bool stdin_flag = false;
  bool code_flag = false;
  bool end_of_options = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const ShellWord& a = args[i];
    std::string_view v = a.value;
    if (!end_of_options && a.literal && v == "--") {
      end_of_options = true;
      continue;
    }
    const bool option = !end_of_options && a.literal && v.size() >= 2 &&
                        (v[0] == '-' || (v[0] == '+' && v.size() == 2));
    if (!option) {
      if (code_flag && out.code == nullptr) {
        out.code = &a;  // sh -c 'program' [name args...]
        continue;
      }
      if (out.code == nullptr && out.operand == nullptr) out.operand = &a;
      break;
    }
    if (Contains(spec.code_flags, v)) {
      code_flag = true;
      continue;
    }
    if (Contains(spec.value_flags, v)) {
      ++i;
      continue;
    }
    if (!spec.stdin_flag.empty() && !v.starts_with("--") && v[0] == '-' &&
        v.find(spec.stdin_flag[1]) != std::string_view::npos) {
      stdin_flag = true;
    }
    // A cluster ending in the code flag letter (`sh -ec 'x'`, `python -uc`).
    for (std::string_view flag : spec.code_flags) {
      if (flag.size() == 2 && !v.starts_with("--") && v.size() > 2 && v[0] == '-' &&
          v.back() == flag[1]) {
        code_flag = true;
      }
    }
  }
  if (code_flag) return out;
  if (stdin_flag) {
    out.operand = nullptr;
    out.from_stdin = true;
    return out;
  }
  out.from_stdin =
      out.operand == nullptr ||
      (out.operand->literal && (out.operand->value == "-" || out.operand->value == "/dev/stdin"));
  if (out.from_stdin) out.operand = nullptr;
  return out;
}

bool Within(ByteSpan inner, ByteSpan outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

// `bash <(curl ...)`, `sh -c "$(curl ...)"`, `eval "$(wget -O- ...)"`,
// `. <(curl ...)`: the downloaded text becomes the program of `parent`.
std::optional<std::string> RunsSubstitutedProgram(const SimpleCommand& parent,
                                                  const SimpleCommand& downloader) {
  const std::string_view name = parent.Name();
  std::span<const ShellWord> args = parent.Args();
  if (name == "eval") {
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (Within(downloader.span, args[i].span)) return std::string(name);
    }
    return std::nullopt;
  }
  if (name == "source" || name == ".") {
    if (args.size() > 1 && Within(downloader.span, args[1].span)) return std::string(name);
    return std::nullopt;
  }
  std::optional<InterpreterSpec> spec = InterpreterFor(name);
  if (!spec) return std::nullopt;
  ProgramSource program = ProgramOf(parent, *spec);
  for (const ShellWord* w : {program.code, program.operand}) {
    if (w != nullptr && Within(downloader.span, w->span)) return std::string(name);
  }
  return std::nullopt;
}

std::optional<runcmd::Hit> Match(const RunScript& script, const SimpleCommand& cmd) {
  const std::string_view tool = cmd.Name();
  if ((tool != "curl" && tool != "wget") || !WritesToStdout(cmd)) return std::nullopt;
  const ShellWord& tool_word = cmd.argv[cmd.command_start];
  const shell::ParseResult& parsed = script.parsed;
  // Downstream pipeline elements: `curl x | sh`, `curl x | gunzip | sudo bash -s`.
  int guard = 0;
  for (const SimpleCommand* next = parsed.PipeTarget(cmd); next != nullptr && guard++ < 64;
       next = parsed.PipeTarget(*next)) {
    std::optional<InterpreterSpec> spec = InterpreterFor(next->Name());
    if (!spec || !ProgramOf(*next, *spec).from_stdin) continue;
    return runcmd::Hit{
        tool_word.span,
        fmt::format("`{}` output is piped into `{}`, which runs the downloaded text unseen and "
                    "unverified; download to a file, check its checksum or signature, then "
                    "run it",
                    tool, next->Name()),
        fmt::format("{} | {}", tool, next->Name())};
  }
  if (cmd.Has(shell::kInCommandSubst) && cmd.parent >= 0 &&
      static_cast<std::size_t>(cmd.parent) < parsed.commands.size()) {
    const SimpleCommand& parent = parsed.commands[static_cast<std::size_t>(cmd.parent)];
    if (std::optional<std::string> runner = RunsSubstitutedProgram(parent, cmd)) {
      return runcmd::Hit{
          tool_word.span,
          fmt::format("`{}` output is run as a program by `{}` through a substitution, unseen "
                      "and unverified; download to a file, check its checksum or signature, "
                      "then run it",
                      tool, *runner),
          fmt::format("{} $({})", *runner, tool)};
    }
  }
  return std::nullopt;
}

void Check(const DockerContext& context, Emitter& emitter) {
  runcmd::ReportFirstPerRun(context, emitter, &Match);
}

}  // namespace

extern const Rule kDockerSec101{
    .meta =
        {
            .id = "DOCKER-SEC-101",
            .name = "Remote Script Piped to Shell",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-494",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "curl", "wget", "pipe", "shell", "supply-chain",
                     "integrity"},
            .summary = "`curl … | sh` and similar: a downloaded script run without any check.",
            .docs =
                {
                    .what =
                        "Reports a `RUN` whose shell script downloads text with `curl` (writing "
                        "to standard output: no `-o FILE`, no `-O`) or `wget -O-` (`-qO-`, `-O "
                        "-`, `--output-document=-`, `-O /dev/stdout`) and feeds it, later in "
                        "the same pipeline, to a program that runs its standard input as code: "
                        "`sh`, `bash`, `dash`, `ash`, `ksh`, `zsh`, `python`/`python3`, `perl`, "
                        "`ruby`, `node`, `php`, also behind wrappers (`sudo bash`, `sudo -E sh "
                        "-`) and with arguments for the script (`bash -s -- --version 2`). The "
                        "substitution forms are reported too: `bash <(curl …)`, `sh -c \"$(curl "
                        "…)\"`, `eval \"$(wget -qO- …)\"`, `. <(curl …)`. An interpreter that "
                        "runs its own program instead (`python3 -c 'import json…'`, `bash "
                        "install.sh`, `sh -c 'cat > f'`) only reads the download as data and is "
                        "not reported, nor is text in comments or strings. One finding per "
                        "instruction, on the downloading command.",
                    .why = "The script is executed as it arrives, as root in most builds: nothing "
                           "checks that it is the file the author reviewed. A compromised or "
                           "hijacked server, a DNS or proxy attack, or a moved URL runs arbitrary "
                           "code in the build (CWE-494), and a download cut off midway can run a "
                           "truncated script. The build is also not reproducible, since the script "
                           "can change between builds.",
                    .fix =
                        "Download the script to a file, verify it against a published checksum "
                        "or signature, then run it: `curl -fsSLo install.sh URL && echo \"SHA256  "
                        "install.sh\" | sha256sum -c - && sh install.sh`. Better, pin a released "
                        "artifact by version with `ADD --checksum=sha256:… URL`, or install the "
                        "tool from the distribution's package manager.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN curl -fsSL https://example.com/install.sh | sh\n",
                    .good_example =
                        "FROM debian:12\n"
                        "ADD --checksum=sha256:"
                        "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
                        "https://example.com/install-1.2.sh /tmp/install.sh\n"
                        "RUN sh /tmp/install.sh\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/494.html",
                            "https://docs.docker.com/reference/dockerfile/#add---checksum",
                            "https://curl.se/docs/manpage.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
