// DOCKER-BP-115: FROM --platform=$TARGETPLATFORM, which is the default
// (BuildKit's RedundantTargetPlatform).
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    if (stage.from == nullptr) continue;
    for (const dockerfile::Flag& flag : stage.from->flags) {
      if (flag.name != "platform" || !flag.has_value) continue;
      if (flag.value != "$TARGETPLATFORM" && flag.value != "${TARGETPLATFORM}") continue;
      emitter.Report(
          flag.range,
          fmt::format("`--platform={}` is what FROM does anyway; drop the flag", flag.value),
          flag.raw);
    }
  }
}

}  // namespace

extern const Rule kDockerBp115{
    .meta =
        {
            .id = "DOCKER-BP-115",
            .name = "Redundant --platform=$TARGETPLATFORM",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "platform", "style",
                     "RedundantTargetPlatform"},
            .summary = "`FROM --platform=$TARGETPLATFORM` repeats the default.",
            .docs =
                {
                    .what = "Reports `FROM --platform=$TARGETPLATFORM` (or "
                            "`${TARGETPLATFORM}`). The finding is on the flag. BuildKit "
                            "reports the same as its RedundantTargetPlatform check (`# "
                            "check=skip=RedundantTargetPlatform` applies); it belongs to the "
                            "`docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "A stage is built for the target platform unless told otherwise, "
                           "so the flag changes nothing; readers may take it for the "
                           "`$BUILDPLATFORM` idiom of cross-compiling stages, which does "
                           "change the platform.",
                    .fix = "Remove the flag, or use `--platform=$BUILDPLATFORM` if the stage "
                           "should run natively on the builder.",
                    .bad_example = "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
                    .good_example = "FROM alpine:3.20\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "redundant-target-platform/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
