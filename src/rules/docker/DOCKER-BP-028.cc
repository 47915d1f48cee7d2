// DOCKER-BP-028: apk upgrade.
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
  pkg::ReportSubcommands(context, emitter, {"apk"}, {"upgrade"}, kAdvice);
}

}  // namespace

extern const Rule kDockerBp028{
    .meta =
        {
            .id = "DOCKER-BP-028",
            .name = "Avoid apk upgrade",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apk", "alpine", "upgrade", "reproducibility",
                     "package-manager"},
            .summary = "`apk upgrade` in a RUN makes the image depend on the day it was "
                       "built.",
            .docs =
                {
                    .what =
                        "Reports `apk upgrade` in a RUN instruction, with or without package "
                        "names and options (`apk upgrade --no-cache`, `apk --update "
                        "upgrade`). `apk add --upgrade pkg` upgrades only the named package "
                        "and is not reported. The command is found in the parsed shell script "
                        "of the RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in "
                        "heredoc scripts and across `\\` continuations; text in comments or "
                        "strings (`echo \"apk upgrade\"`) and a command named by a variable are "
                        "not commands. One finding per RUN instruction, on the subcommand "
                        "word. RUN instructions under a PowerShell or cmd SHELL are not "
                        "checked.",
                    .why = "`apk upgrade` upgrades installed packages to whatever the "
                           "repositories serve on the day of the build. The result differs from "
                           "build to build, so an image can no longer be rebuilt reproducibly, "
                           "and a package that the base image maintainers deliberately held back "
                           "(or that cannot be upgraded inside an unprivileged container) may "
                           "break the build or the image. It also makes the layer larger with a "
                           "second copy of every upgraded file. Security fixes are better taken "
                           "by moving to a rebuilt base image.",
                    .fix = "Remove the upgrade. Use a recent, regularly rebuilt base image (and "
                           "rebuild your image when it changes), or add the packages that need a "
                           "fix by name (`apk add --no-cache openssl`).",
                    .bad_example = "FROM alpine:3.20\n"
                                   "RUN apk upgrade --no-cache && apk add --no-cache curl\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "RUN apk add --no-cache curl\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
                            "https://docs.docker.com/build/building/best-practices/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
