// DOCKER-BP-014: apt-get install without removing /var/lib/apt/lists.

#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kCacheDirs[] = {"/var/lib/apt/lists"};

bool Cleans(const shell::SimpleCommand& cmd) {
  // apt 2.7.8+ `distclean` empties the lists (only the small Release files stay).
  return pkg::IsToolSubcommand(cmd, {"apt-get", "apt"}, {"distclean", "dist-clean"});
}

// The lists are written by `apt-get update`: that RUN's layer keeps them
// unless it removes them; a later install-only RUN adds none.
bool Updates(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"apt-get", "apt"}, {"update"});
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportUncleanedInstall(
      context, emitter,
      {&Updates, &Cleans, kCacheDirs, "the package lists", "rm -rf /var/lib/apt/lists/*"});
}

}  // namespace

extern const Rule kDockerBp014{
    .meta =
        {
            .id = "DOCKER-BP-014",
            .name = "Remove apt Package Lists",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "apt-get", "debian", "ubuntu", "cache",
                     "image-size", "package-manager"},
            .summary = "A RUN with `apt-get update` that leaves /var/lib/apt/lists in the "
                       "image.",
            .docs =
                {
                    .what = "Reports a RUN instruction with an `apt-get update` (or `apt "
                            "update`) command that is not followed, later in the same RUN, by "
                            "an `rm` of the package lists: `rm -rf /var/lib/apt/lists/*`, `rm "
                            "-rf /var/lib/apt/lists` or a directory above it, or `apt-get "
                            "distclean` (`dist-clean`, apt 2.7.8 and later), which empties the "
                            "lists. The update writes the lists, so its layer is the one that "
                            "keeps them: an update-only RUN is reported, a RUN that only "
                            "installs is not (removing lists there cannot shrink the image). A "
                            "removal before the update does not count. "
                            "`apt-get clean` alone does not count: it empties "
                            "/var/cache/apt/archives, not the lists. A `RUN --mount=type=cache` "
                            "(or tmpfs) on `/var/lib/apt/lists` (or above) keeps the lists out of "
                            "the layer and counts as clean. Commands are found in the parsed "
                            "shell script of the RUN: after `sudo`/`env` wrappers, inside `sh -c "
                            "'...'`, in heredoc scripts and across `\\` continuations; text in "
                            "comments or strings (`echo \"apt-get update\"`) and a command named "
                            "by a variable are not commands. One finding per RUN instruction, on "
                            "the `update` word of the first offending command. RUN instructions "
                            "under a PowerShell or cmd SHELL are not checked.",
                    .why = "`apt-get update` downloads the package lists of every configured "
                           "repository into /var/lib/apt/lists, typically 20 to 50 MB. Whatever "
                           "a RUN leaves on disk is stored in its layer for good: deleting it in "
                           "a later RUN does not make the image smaller. Stale lists in an image "
                           "also invite a later `apt-get install` without `apt-get update`, "
                           "which installs outdated versions or fails.",
                    .fix = "Update, install and remove the lists in one RUN: `RUN apt-get update "
                           "&& apt-get install -y --no-install-recommends curl && rm -rf "
                           "/var/lib/apt/lists/*`. With BuildKit you may instead mount caches on "
                           "/var/lib/apt/lists and /var/cache/apt.",
                    .bad_example =
                        "FROM debian:12\n"
                        "RUN apt-get update && apt-get install -y --no-install-recommends curl\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    "    && apt-get install -y --no-install-recommends curl \\\n"
                                    "    && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#apt-get",
                            "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
