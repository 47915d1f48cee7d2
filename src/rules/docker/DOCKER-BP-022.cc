// DOCKER-BP-022: the final stage has no HEALTHCHECK.
#include <fmt/format.h>

#include <string>

#include "rules/docker/image_ref.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  const dockerfile::Stage* final_stage = context.model.final_stage();
  if (final_stage == nullptr || final_stage->from == nullptr) return;
  // A HEALTHCHECK in the stage or in a stage it is built FROM is inherited;
  // HEALTHCHECK NONE is a deliberate choice, not an omission.
  for (const dockerfile::Stage* stage : StageChain(context, *final_stage)) {
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "healthcheck") return;
    }
  }
  FromImage from = DescribeFrom(context, *final_stage);
  std::string image = from.word != nullptr ? from.word->text : std::string("the base image");
  emitter.Report(final_stage->from->keyword_range,
                 fmt::format("the final stage (FROM {}) defines no HEALTHCHECK, so Docker cannot "
                             "tell a hung container from a healthy one; add HEALTHCHECK CMD "
                             "<probe>, or HEALTHCHECK NONE if the base image's check should be "
                             "disabled",
                             image),
                 "HEALTHCHECK");
}

}  // namespace

extern const Rule kDockerBp022{
    .meta =
        {
            .id = "DOCKER-BP-022",
            .name = "Missing HEALTHCHECK Instruction",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "healthcheck", "monitoring", "reliability"},
            .summary = "The final stage defines no HEALTHCHECK.",
            .docs =
                {
                    .what = "Reports a Dockerfile whose final stage (the image it produces) has no "
                            "`HEALTHCHECK`, neither in the stage itself nor in an earlier stage it "
                            "is built `FROM`. One finding per file, on the final stage's `FROM`. "
                            "`HEALTHCHECK NONE` counts as a decision and is not reported; a "
                            "`HEALTHCHECK` inside `ONBUILD` does not count, since it only applies "
                            "to images built from this one. A health check the external base image "
                            "may define cannot be seen from the Dockerfile.",
                    .why = "Without a health check Docker only knows whether the process runs. A "
                           "deadlocked or disconnected service stays \"running\": it is not "
                           "restarted, and orchestrators such as Swarm or compose `depends_on: "
                           "condition: service_healthy` keep sending it work.",
                    .fix =
                        "Add a cheap probe of the real service: `HEALTHCHECK --interval=30s "
                        "--timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1`. For "
                        "images that are not services (build tools, jobs), write "
                        "`HEALTHCHECK NONE` to record that.",
                    .bad_example = "FROM nginx:1.27\n"
                                   "COPY site/ /usr/share/nginx/html/\n",
                    .good_example = "FROM nginx:1.27\n"
                                    "COPY site/ /usr/share/nginx/html/\n"
                                    "HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#healthcheck",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
