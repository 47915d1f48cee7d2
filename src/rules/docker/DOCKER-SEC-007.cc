// DOCKER-SEC-007: sudo used as a command in RUN.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/docker/run_commands.h"
#include "rules/docker/word_range.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// With allow_in_build_stages, only the final stage (the shipped image)
// counts: a builder stage's sudo does not reach the image.
bool Ignored(const DockerContext& context, int stage) {
  if (!context.options->Bool("allow_in_build_stages")) return false;
  return stage + 1 != static_cast<int>(context.model.stages().size());
}

int StageIndex(const DockerContext& context, const dockerfile::Instruction& inst) {
  const dockerfile::Stage* stage = context.model.StageOf(inst);
  return stage != nullptr ? stage->index : -1;
}

// The word `sudo` where a shell-form CMD/ENTRYPOINT would run it: first,
// after `exec`, or after a command separator. Words are split on blanks,
// which is enough for command position.
std::optional<std::size_t> ShellSudoOffset(std::string_view text) {
  bool command_position = true;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
    std::string_view token = text.substr(i, end - i);
    if (token.empty()) break;
    if (command_position && runcmd::Basename(token) == "sudo") return i;
    command_position = token == "&&" || token == "||" || token == ";" || token == "|" ||
                       token == "exec" || token.ends_with(';') ||
                       (command_position && token.find('=') != std::string_view::npos);
    i = end;
  }
  return std::nullopt;
}

// CMD and ENTRYPOINT run at container start: sudo there is the same
// privilege hop, taken every time the container runs.
void CheckStartCommands(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    if (inst.keyword != "cmd" && inst.keyword != "entrypoint") continue;
    if (inst.args.empty() || Ignored(context, StageIndex(context, inst))) continue;
    const std::string keyword = inst.keyword == "cmd" ? "CMD" : "ENTRYPOINT";
    const dockerfile::Word& first = inst.args.front();
    Range range = first.range;
    if (inst.json_form) {
      if (runcmd::Basename(first.text) != "sudo") continue;
    } else {
      std::optional<std::size_t> at = ShellSudoOffset(first.text);
      if (!at) continue;
      range = RangeInWord(context.source, first, *at, 4);
    }
    emitter.Report(range,
                   fmt::format("{} runs `sudo` at container start: it needs a setuid binary "
                               "and sudoers rules in the image and leaves the container "
                               "running as root; set USER to the account instead, or step down "
                               "with gosu/su-exec",
                               keyword),
                   "sudo");
  }
}

void Check(const DockerContext& context, Emitter& emitter) {
  CheckStartCommands(context, emitter);
  for (const runcmd::ExecRun& exec : runcmd::ExecFormRuns(context)) {
    if (exec.program != "sudo") continue;
    if (Ignored(context, StageIndex(context, *exec.scope))) continue;
    const dockerfile::Word& word = exec.run->args.front();
    emitter.Report(word.range,
                   fmt::format("RUN uses `sudo` (exec form): build steps already run as the "
                               "current USER (root unless changed), so sudo adds nothing but a "
                               "setuid binary and unpredictable TTY and environment handling; "
                               "run the step before switching USER"),
                   "sudo");
  }
  runcmd::ReportFirstPerRun(
      context, emitter,
      [&context](const RunScript& script,
                 const shell::SimpleCommand& cmd) -> std::optional<runcmd::Hit> {
        if (Ignored(context, script.stage)) return std::nullopt;
        const shell::ShellWord* sudo = runcmd::CommandWord(cmd, "sudo");
        if (sudo == nullptr) return std::nullopt;
        std::string what = cmd.Name().empty() || cmd.Name() == "sudo"
                               ? std::string("sudo")
                               : fmt::format("sudo {}", cmd.Name());
        return runcmd::Hit{
            sudo->span,
            fmt::format("RUN uses `{}`: build steps already run as the current USER (root "
                        "unless changed), so sudo adds nothing but a setuid binary and "
                        "unpredictable TTY and environment handling; run the step before "
                        "switching USER, or use gosu/su-exec at runtime",
                        what),
            "sudo"};
      });
}

}  // namespace

extern const Rule kDockerSec007{
    .meta =
        {
            .id = "DOCKER-SEC-007",
            .name = "Sudo Usage in Dockerfile",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "sudo", "privilege", "root", "shell"},
            .summary = "`sudo` run as a command in a RUN instruction.",
            .docs =
                {
                    .what =
                        "Reports a `RUN` instruction (also under `ONBUILD`, in heredoc scripts "
                        "and in `sh -c '...'` scripts, and exec form `[\"sudo\", ...]`) that runs "
                        "`sudo` as a command: as the "
                        "command itself (`sudo apt-get update`, `/usr/bin/sudo -u app make`) or "
                        "behind another wrapper (`env X=1 sudo make`, `nohup sudo x`). The "
                        "word `sudo` as an argument is not a use: `apt-get install -y sudo`, "
                        "`echo sudo`, a comment or a quoted string are silent. `CMD` and "
                        "`ENTRYPOINT` "
                        "that start with `sudo` (exec form, or shell form in command position) "
                        "are reported too. One finding per "
                        "instruction, on the `sudo` word. RUN instructions under a PowerShell "
                        "or cmd SHELL are not analysed.",
                    .why = "Every RUN step already runs as the user set by the last `USER` "
                           "instruction, root by default, so `sudo` does not grant anything a "
                           "build needs. Using it means the image ships the setuid sudo binary and "
                           "a sudoers configuration, which a compromised non-root process can use "
                           "to become root (CWE-250), and sudo's TTY, PAM and environment handling "
                           "make build steps behave unpredictably.",
                    .fix =
                        "Run privileged steps before `USER app`, or switch back with `USER root` "
                        "for that step and return to the unprivileged user afterwards. If the "
                        "container's entrypoint must drop privileges at runtime, use `gosu` or "
                        "`su-exec` instead of sudo, and do not install sudo in the image.",
                    .bad_example = "FROM debian:12\n"
                                   "USER app\n"
                                   "RUN sudo apt-get update\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update\n"
                                    "USER app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/build/building/best-practices/#user",
                            "https://docs.docker.com/reference/dockerfile/#user",
                        },
                },
            .options =
                {
                    {.name = "allow_in_build_stages",
                     .type = OptionType::kBool,
                     .description = "Report `sudo` only in the final stage, the image that ships; "
                                    "build stages whose files are copied out may use it.",
                     .default_value = false},
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
