// DOCKER-BP-013: dnf install without dnf clean all in the same RUN.

#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kCacheDirs[] = {"/var/cache/dnf", "/var/cache/libdnf5",
                                           "/var/cache/yum"};

bool IsInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"dnf", "dnf5", "microdnf"},
                               {"install", "in", "localinstall", "groupinstall"});
}

bool Cleans(const shell::SimpleCommand& cmd) {
  return pkg::IsClean(cmd, {"dnf", "dnf5", "microdnf"}, {"clean"}, true);
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportUncleanedInstall(context, emitter,
                              {&IsInstall, &Cleans, kCacheDirs, "dnf's cache", "dnf clean all"});
}

}  // namespace

extern const Rule kDockerBp013{
    .meta =
        {
            .id = "DOCKER-BP-013",
            .name = "Missing dnf clean all",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "dnf", "microdnf", "fedora", "rhel", "cache",
                     "image-size", "package-manager"},
            .summary = "A RUN with `dnf install` and no `dnf clean all` after it keeps dnf's "
                       "cache in the image.",
            .docs =
                {
                    .what = "Reports a RUN instruction with a `dnf install` command (also `in`, "
                            "`localinstall`, `groupinstall`; run by `dnf`, `dnf5` or `microdnf`) "
                            "that is not followed, later in the same RUN, by `dnf clean all` (any "
                            "of the three tools) or by an `rm` of the cache directory (`rm -rf "
                            "/var/cache/dnf`, `/var/cache/dnf/*`, `/var/cache/libdnf5` for dnf5, "
                            "`/var/cache/yum` for microdnf). A clean before the install does not "
                            "count: the install fills the cache again. A `RUN --mount=type=cache` "
                            "(or tmpfs) on one of these directories keeps the cache out of the "
                            "layer and counts as clean. Other `dnf clean` targets (`packages`, "
                            "`metadata`) do not count. Commands are found in the parsed shell "
                            "script of the RUN: after `sudo`/`env` wrappers, inside `sh -c "
                            "'...'`, in heredoc scripts and across `\\` continuations; text in "
                            "comments or strings (`echo \"dnf install\"`) and a command named by a "
                            "variable are not commands. One finding per RUN instruction, on the "
                            "`install` word of the first offending command. RUN instructions "
                            "under a PowerShell or cmd SHELL are not checked.",
                    .why = "dnf keeps downloaded repository metadata (often over a hundred "
                           "megabytes for Fedora) and packages in its cache directory. Whatever "
                           "a RUN leaves on disk is stored in its layer for good: deleting it in "
                           "a later RUN does not make the image smaller.",
                    .fix = "Clean up in the same RUN, after the last install: `RUN dnf install "
                           "-y httpd && dnf clean all`. With BuildKit you may instead mount a "
                           "cache: `RUN --mount=type=cache,target=/var/cache/dnf dnf install -y "
                           "httpd`.",
                    .bad_example = "FROM fedora:40\n"
                                   "RUN dnf install -y httpd\n",
                    .good_example = "FROM fedora:40\n"
                                    "RUN dnf install -y httpd && dnf clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://dnf.readthedocs.io/en/latest/"
                            "command_ref.html#clean-command-label",
                            "https://docs.docker.com/build/building/best-practices/",
                            "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
