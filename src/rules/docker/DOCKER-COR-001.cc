// DOCKER-COR-001: more than one ENTRYPOINT in a stage.
#include "rules/docker/repeated_instruction.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  ReportOverriddenInstructions(context, emitter, "entrypoint");
}

}  // namespace

extern const Rule kDockerCor001{
    .meta =
        {
            .id = "DOCKER-COR-001",
            .name = "Multiple ENTRYPOINT Instructions",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "entrypoint", "correctness", "dead-code"},
            .summary = "A stage with more than one ENTRYPOINT; all but the last are ignored.",
            .docs =
                {
                    .what =
                        "Reports every `ENTRYPOINT` of a stage except the last one; the message "
                        "names the line of the ENTRYPOINT that takes effect. Stages are "
                        "separate: one ENTRYPOINT in each of two stages is fine. An ENTRYPOINT "
                        "under `ONBUILD` is not counted, as it runs in a later build.",
                    .why = "Only the last ENTRYPOINT of a stage is written to the image. The "
                           "earlier ones are dead code that readers take for the real start "
                           "command; usually one of them is a leftover or a merge mistake. "
                           "BuildKit's checks warn about it (MultipleInstructionsDisallowed).",
                    .fix = "Keep a single ENTRYPOINT per stage and delete the others.",
                    .bad_example = "FROM python:3.12-slim\n"
                                   "ENTRYPOINT [\"python\"]\n"
                                   "ENTRYPOINT [\"python3\", \"-m\", \"app\"]\n",
                    .good_example = "FROM python:3.12-slim\n"
                                    "ENTRYPOINT [\"python3\", \"-m\", \"app\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#entrypoint",
                            "https://docs.docker.com/reference/build-checks/"
                            "multiple-instructions-disallowed/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
