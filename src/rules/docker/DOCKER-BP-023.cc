// DOCKER-BP-023: apt used as a command.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const shell::SimpleCommand& cmd = *run.commands[i].command;
        if (!pkg::IsTool(cmd, {"apt"})) return std::nullopt;
        std::string text = pkg::CommandText(cmd);
        return pkg::Offense{&pkg::NameWord(cmd),
                            fmt::format("`{}` uses apt, whose command line is meant for people "
                                        "and not stable for scripts; use apt-get (apt-cache for "
                                        "queries) instead",
                                        text),
                            text};
      });
}

}  // namespace

extern const Rule kDockerBp023{
    .meta =
        {
            .id = "DOCKER-BP-023",
            .name = "Prefer apt-get over apt",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "apt-get", "debian", "ubuntu", "scripting",
                     "package-manager"},
            .summary = "`apt` is the interactive front end; scripts and Dockerfiles should "
                       "use apt-get.",
            .docs =
                {
                    .what =
                        "Reports a RUN instruction that runs the `apt` command (`apt "
                        "install`, `apt update`, `apt-get`'s interactive sibling), with any "
                        "subcommand, on the `apt` word. `apt-get`, `apt-cache`, `apt-key`, "
                        "`apt-mark` and the word `apt` as an argument (`apt-get install apt`, "
                        "`command -v apt`) are not reported. The command is found in the "
                        "parsed shell script of the RUN: after `sudo`/`env` wrappers, inside "
                        "`sh -c '...'`, in heredoc scripts and across `\\` continuations; text "
                        "in comments or strings (`echo \"apt install\"`) and a command named by "
                        "a variable are not commands. One finding per RUN instruction. RUN "
                        "instructions under a PowerShell or cmd SHELL are not checked.",
                    .why = "`apt` is designed for people at a terminal: its output, progress "
                           "bars and defaults may change between releases, and it prints "
                           "\"WARNING: apt does not have a stable CLI interface. Use with caution "
                           "in scripts.\" `apt-get` and `apt-cache` keep a stable interface and "
                           "behave the same on every release, which is what a build needs.",
                    .fix = "Use `apt-get` for installing, updating and removing (`apt-get update "
                           "&& apt-get install -y --no-install-recommends curl`) and `apt-cache` "
                           "for queries.",
                    .bad_example =
                        "FROM ubuntu:24.04\n"
                        "RUN apt update && apt install -y --no-install-recommends curl \\\n"
                        "    && rm -rf /var/lib/apt/lists/*\n",
                    .good_example =
                        "FROM ubuntu:24.04\n"
                        "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
                        "    && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://manpages.debian.org/bookworm/apt/apt.8.en.html",
                            "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
