// DOCKER-BP-006: apt-get upgrade, dist-upgrade or full-upgrade.
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
  pkg::ReportSubcommands(context, emitter, {"apt-get"}, {"upgrade", "dist-upgrade", "full-upgrade"},
                         kAdvice);
}

}  // namespace

extern const Rule kDockerBp006{
    .meta =
        {
            .id = "DOCKER-BP-006",
            .name = "Avoid apt-get upgrade",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "apt-get", "debian", "ubuntu", "upgrade",
                     "reproducibility", "package-manager"},
            .summary = "`apt-get upgrade` or `dist-upgrade` in a RUN makes the image depend "
                       "on the day it was built.",
            .docs =
                {
                    .what = "Reports `apt-get upgrade`, `apt-get dist-upgrade` and `apt-get "
                            "full-upgrade` (apt-get accepts full-upgrade as another name for "
                            "dist-upgrade) in a RUN instruction, with or without package names "
                            "and options such as `-y`. The command is found in the parsed shell "
                            "script of the RUN: after `sudo`/`env` wrappers, inside `sh -c "
                            "'...'`, in heredoc scripts and across `\\` continuations; text in "
                            "comments or strings (`echo \"apt-get upgrade\"`) and a command named "
                            "by a variable are not commands. One finding per RUN instruction, on "
                            "the subcommand word. RUN instructions under a PowerShell or cmd "
                            "SHELL are not checked. `apt upgrade` is reported by DOCKER-BP-023.",
                    .why = "`apt-get upgrade` upgrades installed packages to whatever the "
                           "repositories serve on the day of the build. The result differs from "
                           "build to build, so an image can no longer be rebuilt reproducibly, "
                           "and a package that the base image maintainers deliberately held back "
                           "(or that cannot be upgraded inside an unprivileged container) may "
                           "break the build or the image. It also makes the layer larger with a "
                           "second copy of every upgraded file. Security fixes are better taken "
                           "by moving to a rebuilt base image.",
                    .fix = "Remove the upgrade. Use a recent, regularly rebuilt base image (and "
                           "rebuild your image when it changes), or install the packages that "
                           "need a fix by name (`apt-get install -y --no-install-recommends "
                           "openssl`), which upgrades only them.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update && apt-get -y upgrade \\\n"
                                   "    && rm -rf /var/lib/apt/lists/*\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    "    && apt-get install -y --no-install-recommends openssl \\\n"
                                    "    && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#apt-get",
                            "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
