// DOCKER-COR-003: more than one CMD in a stage.
#include "rules/docker/repeated_instruction.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  ReportOverriddenInstructions(context, emitter, "cmd");
}

}  // namespace

extern const Rule kDockerCor003{
    .meta =
        {
            .id = "DOCKER-COR-003",
            .name = "Multiple CMD Instructions",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "cmd", "correctness", "dead-code"},
            .summary = "A stage with more than one CMD; all but the last are ignored.",
            .docs =
                {
                    .what =
                        "Reports every `CMD` of a stage except the last one; the message names "
                        "the line of the CMD that takes effect. Stages are separate: one CMD in "
                        "each stage is fine. A CMD under `ONBUILD` is not counted, as it runs "
                        "in a later build.",
                    .why = "Only the last CMD of a stage is written to the image, so earlier ones "
                           "never run. Writing two CMDs is a common mistake when trying to start "
                           "two processes: the first one silently disappears. BuildKit's checks "
                           "warn about it (MultipleInstructionsDisallowed).",
                    .fix = "Keep one CMD per stage. To run several processes, use a process "
                           "manager or a start script, or better one container per process.",
                    .bad_example = "FROM nginx:1.27\n"
                                   "CMD [\"php-fpm\"]\n"
                                   "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
                    .good_example = "FROM nginx:1.27\n"
                                    "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#cmd",
                            "https://docs.docker.com/reference/build-checks/"
                            "multiple-instructions-disallowed/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
