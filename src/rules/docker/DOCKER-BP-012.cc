// DOCKER-BP-012: yum install without yum clean all in the same RUN.

#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kCacheDirs[] = {"/var/cache/yum", "/var/cache/dnf"};

bool IsInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"yum"}, {"install", "in", "localinstall", "groupinstall"});
}

bool Cleans(const shell::SimpleCommand& cmd) { return pkg::IsClean(cmd, {"yum"}, {"clean"}, true); }

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportUncleanedInstall(context, emitter,
                              {&IsInstall, &Cleans, kCacheDirs, "yum's cache", "yum clean all"});
}

}  // namespace

extern const Rule kDockerBp012{
    .meta =
        {
            .id = "DOCKER-BP-012",
            .name = "Missing yum clean all",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "yum", "centos", "rhel", "cache", "image-size",
                     "package-manager"},
            .summary = "A RUN with `yum install` and no `yum clean all` after it keeps yum's "
                       "cache in the image.",
            .docs =
                {
                    .what = "Reports a RUN instruction with a `yum install` command (also `in`, "
                            "`localinstall`, `groupinstall`) that is not followed, later in the "
                            "same RUN, by `yum clean all` or by an `rm` of yum's cache directory "
                            "(`rm -rf /var/cache/yum`, `/var/cache/yum/*`, or `/var/cache/dnf` "
                            "where yum is dnf). A clean before the install does not count: the "
                            "install fills the cache again. A `RUN --mount=type=cache` (or tmpfs) "
                            "on `/var/cache/yum` or `/var/cache/dnf` keeps the cache out of the "
                            "layer and counts as clean. Other `yum clean` targets (`packages`, "
                            "`metadata`) do not count. Commands are found in the parsed shell "
                            "script of the RUN: after `sudo`/`env` wrappers, inside `sh -c "
                            "'...'`, in heredoc scripts and across `\\` continuations; text in "
                            "comments or strings (`echo \"yum install\"`) and a command named by a "
                            "variable are not commands. One finding per RUN instruction, on the "
                            "`install` word of the first offending command. RUN instructions "
                            "under a PowerShell or cmd SHELL are not checked.",
                    .why = "yum keeps downloaded repository metadata and often packages under "
                           "/var/cache/yum. Whatever a RUN leaves on disk is stored in its layer "
                           "for good: deleting it in a later RUN does not make the image "
                           "smaller. The cache is tens to hundreds of megabytes that no "
                           "container ever uses.",
                    .fix = "Clean up in the same RUN, after the last install: `RUN yum install "
                           "-y httpd && yum clean all && rm -rf /var/cache/yum`. With BuildKit "
                           "you may instead mount a cache: `RUN "
                           "--mount=type=cache,target=/var/cache/yum yum install -y httpd`.",
                    .bad_example = "FROM centos:7\n"
                                   "RUN yum install -y httpd\n",
                    .good_example = "FROM centos:7\n"
                                    "RUN yum install -y httpd && yum clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://man7.org/linux/man-pages/man8/yum.8.html",
                            "https://docs.docker.com/build/building/best-practices/",
                            "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
