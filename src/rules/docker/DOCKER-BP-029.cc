// DOCKER-BP-029: yum update or upgrade.
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
  pkg::ReportSubcommands(context, emitter, {"yum"},
                         {"update", "upgrade", "update-to", "upgrade-to"}, kAdvice);
}

}  // namespace

extern const Rule kDockerBp029{
    .meta =
        {
            .id = "DOCKER-BP-029",
            .name = "Avoid yum update",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "yum", "centos", "rhel", "upgrade", "reproducibility",
                     "package-manager"},
            .summary = "`yum update`/`yum upgrade` in a RUN makes the image depend on the "
                       "day it was built.",
            .docs =
                {
                    .what = "Reports `yum update`, `yum upgrade`, `yum update-to` and `yum "
                            "upgrade-to` in a RUN instruction, with or without package names and "
                            "options (`yum -y update`). The command is found in the parsed shell "
                            "script of the RUN: after `sudo`/`env` wrappers, inside `sh -c "
                            "'...'`, in heredoc scripts and across `\\` continuations; text in "
                            "comments or strings (`echo \"yum update\"`) and a command named by a "
                            "variable are not commands. One finding per RUN instruction, on the "
                            "subcommand word. RUN instructions under a PowerShell or cmd SHELL "
                            "are not checked. `dnf update` is reported by DOCKER-BP-009.",
                    .why = "`yum update` upgrades installed packages to whatever the "
                           "repositories serve on the day of the build. The result differs from "
                           "build to build, so an image can no longer be rebuilt reproducibly, "
                           "and a package that the base image maintainers deliberately held back "
                           "(or that cannot be upgraded inside an unprivileged container) may "
                           "break the build or the image. It also makes the layer larger with a "
                           "second copy of every upgraded file. Security fixes are better taken "
                           "by moving to a rebuilt base image.",
                    .fix = "Remove the upgrade. Use a recent, regularly rebuilt base image (and "
                           "rebuild your image when it changes), or install the packages that "
                           "need a fix by name (`yum install -y openssl`).",
                    .bad_example = "FROM centos:7\n"
                                   "RUN yum -y update && yum -y install git && yum clean all\n",
                    .good_example = "FROM centos:7\n"
                                    "RUN yum -y install git && yum clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://man7.org/linux/man-pages/man8/yum.8.html",
                            "https://docs.docker.com/build/building/best-practices/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
