// DOCKER-BP-108: zypper install Without Version Pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsZypperInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"zypper"}, {"install", "in"});
}

// `-t pattern`, `-t patch`, `-t product`: names of other kinds, which
// carry no version.
bool OtherKind(const shell::SimpleCommand& cmd) {
  for (const shell::ShellWord& kind : shell::FlagValues(cmd, {"-t", "--type"})) {
    if (!kind.literal || kind.value != "package") return true;
  }
  return false;
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsZypperInstall,
                          .is_pinned_or_not_package = &pin::RpmPinnedOrNotPackage,
                          .command_exempt = &OtherKind,
                          .pin_hint = "`{}=<version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp108{
    .meta =
        {
            .id = "DOCKER-BP-108",
            .name = "zypper install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "zypper", "suse", "opensuse", "pinning",
                     "reproducibility", "package-manager", "DL3037"},
            .summary = "`zypper install` of a package without a version installs whatever the "
                       "repository serves that day.",
            .docs =
                {
                    .what =
                        "Reports a `zypper install` (or `zypper in`) command naming a package "
                        "without a version: no `=`, `>=`, `<` constraint (`curl=8.6.0`) and no "
                        "RPM-style `name-version`. Local `.rpm` files, paths, patterns and `-t "
                        "pattern` names given with an option are skipped. A package list in a "
                        "variable is expanded from ARG and ENV; a value the scanner cannot know "
                        "is not guessed. One finding per RUN instruction, on the first unpinned "
                        "package. Counterpart of hadolint's DL3037 (`# hadolint ignore=DL3037` "
                        "applies); it belongs to the `docker/pinning` bundle."
                        " On the 840 public Dockerfiles of our measurement corpus it reported "
                        "nothing (the fixtures show what it catches).",
                    .why = "Without a version the build takes whatever the repositories hold when "
                           "it runs, so two builds of the same Dockerfile can differ and a "
                           "breaking update arrives unnoticed.",
                    .fix = "Add a constraint: `zypper install -y curl=8.6.0`. `zypper search -s "
                           "curl` lists the versions available.",
                    .bad_example = "FROM opensuse/leap:15.6\n"
                                   "RUN zypper install -y curl && zypper clean\n",
                    .good_example = "FROM opensuse/leap:15.6\n"
                                    "RUN zypper install -y curl=8.6.0 && zypper clean\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://en.opensuse.org/SDB:Zypper_manual",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
