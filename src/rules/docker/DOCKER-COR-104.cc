// DOCKER-COR-104: a stage named with a reserved word (BuildKit's
// ReservedStageName).
#include <fmt/format.h>

#include <string>

#include "rules/docker/image_ref.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    if (stage.from == nullptr) continue;
    if (stage.name != "scratch" && stage.name != "context") continue;
    const dockerfile::Word* word = StageNameWord(*stage.from);
    if (word == nullptr) continue;
    emitter.Report(
        word->range,
        fmt::format("stage name `{}` is reserved ({}); choose another name", word->text,
                    stage.name == "scratch" ? "`FROM scratch` means the empty image, not this stage"
                                            : "`--from=context` means the build context"),
        word->text);
  }
}

}  // namespace

extern const Rule kDockerCor104{
    .meta =
        {
            .id = "DOCKER-COR-104",
            .name = "Reserved Stage Name",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "multi-stage", "ReservedStageName"},
            .summary = "A stage named `scratch` or `context` cannot be referred to as a stage.",
            .docs =
                {
                    .what = "Reports `FROM ... AS scratch` and `FROM ... AS context` (in any "
                            "case). The finding is on the name. BuildKit reports the same as "
                            "its ReservedStageName check (`# check=skip=ReservedStageName` "
                            "applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "`scratch` always means the empty base image and `context` the "
                           "build context, so `FROM scratch` or `COPY --from=context` after "
                           "such a stage does not use the stage the author meant.",
                    .fix = "Rename the stage (`AS base`, `AS sources`) and the references to "
                           "it.",
                    .bad_example = "FROM alpine:3.20 AS scratch\n"
                                   "RUN echo hi > /hi\n",
                    .good_example = "FROM alpine:3.20 AS base\n"
                                    "RUN echo hi > /hi\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "reserved-stage-name/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
