// DOCKER-BP-113: stage name not in lower case (BuildKit's StageNameCasing).
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    const dockerfile::Instruction* from = stage.from;
    if (from == nullptr || from->args.size() != 3) continue;
    const dockerfile::Word& name = from->args[2];
    // Stage names are compared lower-cased; the model keeps them that way.
    if (name.text == stage.name) continue;
    emitter.Report(name.range,
                   fmt::format("stage name `{}` is not lower case; name it `{}`, which is how "
                               "`--from` and `--target` will match it anyway",
                               name.text, stage.name),
                   name.text);
  }
}

}  // namespace

extern const Rule kDockerBp113{
    .meta =
        {
            .id = "DOCKER-BP-113",
            .name = "Stage Name Not Lower Case",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "style", "casing", "multi-stage", "StageNameCasing"},
            .summary = "Stage names should be written in lower case.",
            .docs =
                {
                    .what = "Reports a `FROM ... AS Name` whose stage name has upper-case "
                            "letters. The finding is on the name. BuildKit reports the same as "
                            "its StageNameCasing check (`# check=skip=StageNameCasing` "
                            "applies); it belongs to the `docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "BuildKit lower-cases stage names, so `AS Builder` is matched by "
                           "`--from=builder` and `--target builder`: the capital letters "
                           "suggest a distinction that does not exist, and two stages that "
                           "differ only in case collide.",
                    .fix = "Write the name in lower case (`AS builder`) and use the same "
                           "spelling in `COPY --from` and `--target`.",
                    .bad_example = "FROM golang:1.23 AS Builder\n"
                                   "FROM alpine:3.20\n"
                                   "COPY --from=Builder /out /app\n",
                    .good_example = "FROM golang:1.23 AS builder\n"
                                    "FROM alpine:3.20\n"
                                    "COPY --from=builder /out /app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/stage-name-casing/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
