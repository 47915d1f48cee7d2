// DOCKER-BP-020: zypper install without zypper clean in the same RUN.

#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kCacheDirs[] = {"/var/cache/zypp"};

bool IsInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"zypper"}, {"install", "in"});
}

bool Cleans(const shell::SimpleCommand& cmd) {
  return pkg::IsClean(cmd, {"zypper"}, {"clean", "cc"}, false);
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportUncleanedInstall(
      context, emitter, {&IsInstall, &Cleans, kCacheDirs, "zypper's cache", "zypper clean -a"});
}

}  // namespace

extern const Rule kDockerBp020{
    .meta =
        {
            .id = "DOCKER-BP-020",
            .name = "Missing zypper clean",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "zypper", "opensuse", "sles", "cache", "image-size",
                     "package-manager"},
            .summary = "A RUN with `zypper install` and no `zypper clean` after it keeps "
                       "zypper's cache in the image.",
            .docs =
                {
                    .what =
                        "Reports a RUN instruction with a `zypper install` (`in`) command "
                        "that is not followed, later in the same RUN, by `zypper clean` "
                        "(`cc`, with any options such as `-a`/`--all`) or by an `rm` of "
                        "zypper's cache directory (`rm -rf /var/cache/zypp`, "
                        "`/var/cache/zypp/*`). A clean before the install does not count. A "
                        "`RUN --mount=type=cache` (or tmpfs) on `/var/cache/zypp` keeps the "
                        "cache out of the layer and counts as clean. Commands are found in "
                        "the parsed shell script of the RUN: after `sudo`/`env` wrappers, "
                        "inside `sh -c '...'`, in heredoc scripts and across `\\` "
                        "continuations; text in comments or strings (`echo \"zypper install\"`) "
                        "and a command named by a variable are not commands. One finding per "
                        "RUN instruction, on the `install` word of the first offending "
                        "command. RUN instructions under a PowerShell or cmd SHELL are not "
                        "checked.",
                    .why = "zypper keeps repository metadata and downloaded packages under "
                           "/var/cache/zypp. Whatever a RUN leaves on disk is stored in its "
                           "layer for good: deleting it in a later RUN does not make the image "
                           "smaller.",
                    .fix = "Clean up in the same RUN, after the last install: `RUN zypper -n "
                           "install curl && zypper clean -a`.",
                    .bad_example = "FROM opensuse/leap:15.6\n"
                                   "RUN zypper -n install curl\n",
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
