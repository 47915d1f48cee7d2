// DOCKER-BP-005: apt-get install without --no-install-recommends.
#include <optional>
#include <string>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// --no-install-recommends, or -o APT::Install-Recommends=false (or 0/no/off).
bool SkipsRecommends(const shell::SimpleCommand& cmd) {
  if (shell::HasFlag(cmd, {"--no-install-recommends"})) return true;
  for (const std::string& value :
       pkg::OptionValues(cmd, {"-o", "--option"}, "APT::Install-Recommends")) {
    if (pkg::ParseBool(value) == false) return true;
  }
  return false;
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const shell::SimpleCommand& cmd = *run.commands[i].command;
        if (!pkg::IsAptGetInstall(cmd)) return std::nullopt;
        if (SkipsRecommends(cmd)) return std::nullopt;
        return pkg::Offense{&pkg::SubcommandWord(cmd),
                            "`apt-get install` without --no-install-recommends also installs "
                            "every recommended package; add --no-install-recommends and list "
                            "the packages you need",
                            "apt-get install"};
      });
}

}  // namespace

extern const Rule kDockerBp005{
    .meta =
        {
            .id = "DOCKER-BP-005",
            .name = "apt-get Without --no-install-recommends",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "apt-get", "debian", "ubuntu", "image-size",
                     "package-manager"},
            .summary = "`apt-get install` without --no-install-recommends pulls in recommended "
                       "packages the image does not need.",
            .docs =
                {
                    .what = "Reports an `apt-get install` command in a RUN instruction that has "
                            "neither `--no-install-recommends` nor `-o "
                            "APT::Install-Recommends=false` (`0`, `no` and `off` work too). The "
                            "command is found in the parsed shell script: after `sudo`/`env` "
                            "wrappers, inside `sh -c '...'`, in heredoc scripts and across `\\` "
                            "continuations; text in comments, in strings (`echo \"apt-get "
                            "install\"`) or behind a variable command name is not a command. The "
                            "flag may stand before or after `install`. One finding per RUN, on the "
                            "`install` word. A setting in an apt configuration file (for example "
                            "`/etc/apt/apt.conf.d/`) is not seen, so give the flag on the command "
                            "line. `apt install` is reported by DOCKER-BP-023 instead. RUN "
                            "instructions under a PowerShell or cmd SHELL are not checked.",
                    .why = "By default apt installs the Recommends of every package as well. They "
                           "are not required to run the software, often add hundreds of megabytes "
                           "(documentation tools, fonts, X libraries) and widen the attack surface "
                           "with code nobody asked for, and make the image content depend on "
                           "packaging choices rather than on the Dockerfile.",
                    .fix = "Add `--no-install-recommends` to every `apt-get install`, and name "
                           "explicitly any recommended package that the software really uses: "
                           "`apt-get install -y --no-install-recommends ca-certificates curl`.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update && apt-get install -y curl \\\n"
                                   "    && rm -rf /var/lib/apt/lists/*\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    "    && apt-get install -y --no-install-recommends curl \\\n"
                                    "    && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#apt-get",
                            "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
                            "https://manpages.debian.org/bookworm/apt/apt.conf.5.en.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
