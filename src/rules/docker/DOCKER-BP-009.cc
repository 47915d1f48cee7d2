// DOCKER-BP-009: dnf update or upgrade.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kAdvice =
    "upgrades installed packages to whatever the repositories serve at build time, so builds are "
    "not reproducible; use a newer base image instead, or install the specific packages you need";

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportSubcommands(context, emitter, {"dnf", "dnf5", "microdnf"},
                         {"upgrade", "update", "up", "upgrade-to", "update-to", "localupdate"},
                         kAdvice);
}

}  // namespace

extern const Rule kDockerBp009{
    .meta =
        {
            .id = "DOCKER-BP-009",
            .name = "Avoid dnf update",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "dnf", "microdnf", "fedora", "rhel", "upgrade",
                     "reproducibility", "package-manager"},
            .summary = "`dnf update`/`dnf upgrade` in a RUN makes the image depend on the "
                       "day it was built.",
            .docs =
                {
                    .what = "Reports `dnf upgrade` and its other names `update`, `up`, "
                            "`upgrade-to`, `update-to` and `localupdate` in a RUN instruction, "
                            "run by `dnf`, `dnf5` or `microdnf`, with or without package names "
                            "and options (`dnf -y update`, `dnf --refresh upgrade`). "
                            "`upgrade-minimal` and `distro-sync` are different commands and are "
                            "not reported. The command is found in the parsed shell script of the "
                            "RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in heredoc "
                            "scripts and across `\\` continuations; text in comments or strings "
                            "(`echo \"dnf update\"`) and a command named by a variable are not "
                            "commands. One finding per RUN instruction, on the subcommand word. "
                            "RUN instructions under a PowerShell or cmd SHELL are not checked.",
                    .why = "`dnf upgrade` upgrades installed packages to whatever the "
                           "repositories serve on the day of the build. The result differs from "
                           "build to build, so an image can no longer be rebuilt reproducibly, "
                           "and a package that the base image maintainers deliberately held back "
                           "(or that cannot be upgraded inside an unprivileged container) may "
                           "break the build or the image. It also makes the layer larger with a "
                           "second copy of every upgraded file. Security fixes are better taken "
                           "by moving to a rebuilt base image.",
                    .fix = "Remove the upgrade. Use a recent, regularly rebuilt base image (and "
                           "rebuild your image when it changes), or install the packages that "
                           "need a fix by name (`dnf install -y openssl-3.2.2`).",
                    .bad_example = "FROM fedora:40\n"
                                   "RUN dnf -y update && dnf -y install git && dnf clean all\n",
                    .good_example = "FROM fedora:40\n"
                                    "RUN dnf -y install git && dnf clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://dnf.readthedocs.io/en/latest/"
                            "command_ref.html#upgrade-command-label",
                            "https://docs.docker.com/build/building/best-practices/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
