// DOCKER-BP-109: go install Without Version.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsGoInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"go"}, {"install"});
}

bool PinnedOrNotPackage(std::string_view arg) {
  // Local packages (`.`, `./cmd/...`) build the module in the context.
  if (arg.starts_with('.') || pin::LooksLikePath(arg)) return true;
  std::size_t at = arg.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view version = arg.substr(at + 1);
  // Branch-like queries move.
  return !version.empty() && version != "latest" && version != "master" && version != "main";
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsGoInstall,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .pin_hint = "name a release, such as `@v1.2.3`",
                      });
}

}  // namespace

extern const Rule kDockerBp109{
    .meta =
        {
            .id = "DOCKER-BP-109",
            .name = "go install Without Version",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "go", "golang", "pinning", "reproducibility",
                     "package-manager", "DL3062"},
            .summary = "`go install` of a remote package without `@version`, or with "
                       "`@latest`, builds whatever is newest.",
            .docs =
                {
                    .what = "Reports a `go install` command naming a remote package without a "
                            "version, or with a moving query (`@latest`, `@master`, `@main`): `go "
                            "install golang.org/x/tools/gopls@latest` instead of `@v0.16.1`. Local "
                            "packages (`.`, `./cmd/...`) and `go install` without arguments build "
                            "the module of the context and are not reported. A path in a variable "
                            "is expanded from ARG and ENV; a value the scanner cannot know is not "
                            "guessed. One finding per RUN instruction, on the first unpinned "
                            "package. Counterpart of hadolint's DL3062 (`# hadolint ignore=DL3062` "
                            "applies); it belongs to the `docker/pinning` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "`@latest` resolves to the newest tagged release when the build runs "
                           "(and a path without a version fails outside a module, or silently uses "
                           "whatever go.mod has), so rebuilding an unchanged Dockerfile can "
                           "install a different tool.",
                    .fix = "Name a release: `go install "
                           "github.com/go-delve/delve/cmd/dlv@v1.23.0`; keep the version in an ARG "
                           "to update it in one place.",
                    .bad_example = "FROM golang:1.23\n"
                                   "RUN go install golang.org/x/tools/gopls@latest\n",
                    .good_example = "FROM golang:1.23\n"
                                    "RUN go install golang.org/x/tools/gopls@v0.16.1\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://go.dev/ref/mod#go-install",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
