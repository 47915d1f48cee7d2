// DOCKER-BP-027: FROM --platform with a constant value.
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    if (stage.from == nullptr) continue;
    for (const dockerfile::Flag& flag : stage.from->flags) {
      if (flag.name != "platform" || !flag.has_value || flag.value.empty()) continue;
      // Any variable ($BUILDPLATFORM, $TARGETPLATFORM, an ARG) keeps the
      // platform a build-time choice.
      if (flag.value.find('$') != std::string::npos) continue;
      emitter.Report(flag.range,
                     fmt::format("FROM --platform={} fixes the platform in the Dockerfile, so "
                                 "`docker build --platform` and multi-platform builds cannot "
                                 "change it; drop the flag or use $BUILDPLATFORM / "
                                 "$TARGETPLATFORM",
                                 flag.value),
                     flag.value);
    }
  }
}

}  // namespace

extern const Rule kDockerBp027{
    .meta =
        {
            .id = "DOCKER-BP-027",
            .name = "Avoid --platform Flag with FROM",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "platform", "multi-platform", "portability"},
            .summary = "FROM --platform= with a constant value instead of a platform variable.",
            .docs =
                {
                    .what =
                        "Reports `FROM --platform=<value>` when the value is a constant such as "
                        "`linux/amd64`. A value that refers to any variable "
                        "(`$BUILDPLATFORM`, `${TARGETPLATFORM}`, an ARG of your own) is not "
                        "reported: it keeps the choice with whoever runs the build.",
                    .why = "A constant platform overrides `docker build --platform` and breaks "
                           "multi-platform builds: every target gets the same architecture, which "
                           "then runs under emulation or fails with `exec format error` on other "
                           "machines.",
                    .fix = "Remove the flag so the stage follows the target platform, or use "
                           "`--platform=$BUILDPLATFORM` for a build stage that cross-compiles for "
                           "`$TARGETPLATFORM`. If one architecture really is required, pass it on "
                           "the command line (`docker build --platform linux/amd64`).",
                    .bad_example = "FROM --platform=linux/amd64 golang:1.22\n",
                    .good_example = "FROM --platform=$BUILDPLATFORM golang:1.22\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#from",
                            "https://docs.docker.com/reference/build-checks/"
                            "from-platform-flag-const-disallowed/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
