// DOCKER-BP-019: zypper update or dist-upgrade.
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
  pkg::ReportSubcommands(context, emitter, {"zypper"}, {"update", "up", "dist-upgrade", "dup"},
                         kAdvice);
}

}  // namespace

extern const Rule kDockerBp019{
    .meta =
        {
            .id = "DOCKER-BP-019",
            .name = "Avoid zypper update",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "zypper", "opensuse", "sles", "upgrade",
                     "reproducibility", "package-manager"},
            .summary = "`zypper update`/`dist-upgrade` in a RUN makes the image depend on "
                       "the day it was built.",
            .docs =
                {
                    .what = "Reports `zypper update` (`up`) and `zypper dist-upgrade` (`dup`) in "
                            "a RUN instruction, with or without package names and global options "
                            "(`zypper -n up`, `zypper --non-interactive dup`). `zypper patch` "
                            "applies only the patches the vendor marked as needed and is not "
                            "reported. The command is found in the parsed shell script of the "
                            "RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in heredoc "
                            "scripts and across `\\` continuations; text in comments or strings "
                            "(`echo \"zypper update\"`) and a command named by a variable are not "
                            "commands. One finding per RUN instruction, on the subcommand word. "
                            "RUN instructions under a PowerShell or cmd SHELL are not checked.",
                    .why = "`zypper update` upgrades installed packages to whatever the "
                           "repositories serve on the day of the build. The result differs from "
                           "build to build, so an image can no longer be rebuilt reproducibly, "
                           "and a package that the base image maintainers deliberately held back "
                           "(or that cannot be upgraded inside an unprivileged container) may "
                           "break the build or the image. It also makes the layer larger with a "
                           "second copy of every upgraded file. Security fixes are better taken "
                           "by moving to a rebuilt base image.",
                    .fix = "Remove the upgrade. Use a recent, regularly rebuilt base image (and "
                           "rebuild your image when it changes), or install the packages that "
                           "need a fix by name (`zypper -n install openssl`).",
                    .bad_example =
                        "FROM opensuse/leap:15.6\n"
                        "RUN zypper -n update && zypper -n install curl && zypper clean -a\n",
                    .good_example = "FROM opensuse/leap:15.6\n"
                                    "RUN zypper -n install curl && zypper clean -a\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://en.opensuse.org/SDB:Zypper_manual",
                            "https://docs.docker.com/build/building/best-practices/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
