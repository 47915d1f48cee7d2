// DOCKER-SEC-007: sudo used as a command in RUN.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "rules/docker/run_commands.h"
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

void Check(const DockerContext& context, Emitter& emitter) {
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
                        "`echo sudo`, a comment or a quoted string are silent. One finding per "
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
