// DOCKER-BP-105: gem install Without Version Pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsGemInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"gem"}, {"install", "i"});
}

// `-v` / `--version` pins every gem the command names.
bool VersionFlag(const shell::SimpleCommand& cmd) {
  return !shell::FlagValues(cmd, {"-v", "--version"}).empty();
}

bool PinnedOrNotPackage(std::string_view arg) {
  return arg.find(':') != std::string_view::npos || pin::LooksLikePath(arg) ||
         pin::EndsWith(arg, {".gem"}) || pin::HasGlob(arg);
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsGemInstall,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .command_exempt = &VersionFlag,
                          .pin_hint = "`{}:<version>` or `-v <version>`",
                      });
}

}  // namespace

extern const Rule kDockerBp105{
    .meta =
        {
            .id = "DOCKER-BP-105",
            .name = "gem install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "gem", "ruby", "pinning", "reproducibility",
                     "package-manager", "DL3028"},
            .summary = "`gem install` of a gem without a version installs the latest release "
                       "at build time.",
            .docs =
                {
                    .what =
                        "Reports a `gem install` command naming a gem without a version: "
                        "neither `name:version` (`rails:7.1.3`) nor a `-v` / `--version` "
                        "option. Local `.gem` files and paths are not reported. A gem list in a "
                        "variable is expanded from ARG and ENV; a value the scanner cannot know "
                        "is not guessed. One finding per RUN instruction, on the first unpinned "
                        "gem. Counterpart of hadolint's DL3028 (`# hadolint ignore=DL3028` "
                        "applies); it belongs to the `docker/pinning` bundle."
                        " On the 840 public Dockerfiles of our measurement corpus it fired in 1 "
                        "file (0.1 %); the one finding checked by hand was right.",
                    .why = "Without a version, RubyGems installs the newest release when the build "
                           "runs, so rebuilding an unchanged Dockerfile can bring a release that "
                           "breaks the application or no longer supports the image's Ruby.",
                    .fix = "Pin the gem (`gem install bundler:2.5.16` or `gem install bundler -v "
                           "2.5.16`), or install from a Gemfile.lock with `bundle install`.",
                    .bad_example = "FROM ruby:3.3-slim\n"
                                   "RUN gem install bundler\n",
                    .good_example = "FROM ruby:3.3-slim\n"
                                    "RUN gem install bundler:2.5.16\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://guides.rubygems.org/command-reference/#gem-install",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
