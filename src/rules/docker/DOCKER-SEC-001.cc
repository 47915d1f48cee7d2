// DOCKER-SEC-001: the final stage never sets USER, so it runs as root.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "rules/docker/image_ref.h"
#include "rules/docker/privilege_drop.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  const dockerfile::Stage* final_stage = context.model.final_stage();
  if (final_stage == nullptr || final_stage->from == nullptr) return;
  // USER carries over from a stage this one is built FROM.
  for (const dockerfile::Stage* stage : StageChain(context, *final_stage)) {
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "user") return;
    }
  }
  // The base's own default user is not root: nothing runs as root.
  if (NonRootBaseImage(context, *final_stage)) return;
  FromImage from = DescribeFrom(context, *final_stage);
  // A refused FROM keeps no image text.
  std::string image = from.word != nullptr && !from.word->text.empty()
                          ? from.word->text
                          : std::string("the base image");
  if (std::optional<std::string> tool = StepDownTool(context, *final_stage)) {
    emitter.Report(final_stage->from->keyword_range,
                   fmt::format("the final stage (FROM {}) never sets USER: the container starts "
                               "as root and its start command steps down with {}, so only that "
                               "first step runs as root; set USER if nothing needs it",
                               image, *tool),
                   "USER");
    return;
  }
  emitter.Report(final_stage->from->keyword_range,
                 fmt::format("the final stage (FROM {}) never sets USER, so the container runs "
                             "as the base image's user, root for most images; create an "
                             "unprivileged user and switch to it with USER",
                             image),
                 "USER");
}

}  // namespace

extern const Rule kDockerSec001{
    .meta =
        {
            .id = "DOCKER-SEC-001",
            .name = "Container Running as Root - Missing USER",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "user", "root", "privilege", "least-privilege"},
            .summary = "The final stage never sets USER, so the container runs as root.",
            .docs =
                {
                    .what =
                        "Reports a Dockerfile whose final stage contains no `USER` instruction, "
                        "neither itself nor in an earlier stage it is built `FROM` (USER is "
                        "inherited along that chain). One finding per file, on the final "
                        "stage's `FROM`. USER in other stages does not matter: only the final "
                        "stage becomes the image. A USER that sets root is reported by "
                        "DOCKER-SEC-100 instead. Not reported when the chain starts from an image "
                        "whose default user is not root (distroless `:nonroot`, "
                        "`nginxinc/nginx-unprivileged`, Chainguard and Bitnami images; the "
                        "`non_root_images` option holds the list). When ENTRYPOINT or CMD steps "
                        "down with `gosu`, `su-exec`, `setpriv` or `runuser`, the message says "
                        "so: only the first step runs as root.",
                    .why = "Without USER the process runs as the base image's user, which is root "
                           "for nearly all official images. Root in the container is root on the "
                           "host's kernel: a bug in the application, combined with a mounted "
                           "volume, an added capability or a kernel or runtime flaw, becomes a "
                           "host compromise much more easily than from an unprivileged user.",
                    .fix = "Create a user and switch to it near the end of the final stage: "
                           "`RUN addgroup -S app && adduser -S -G app app` then `USER app` (or a "
                           "numeric `USER 10001:10001`, which also works on `scratch` and with "
                           "Kubernetes `runAsNonRoot`). Give that user only the files it must "
                           "write.",
                    .bad_example = "FROM node:20.11-alpine\n"
                                   "COPY . /app\n"
                                   "CMD [\"node\", \"/app/server.js\"]\n",
                    .good_example = "FROM node:20.11-alpine\n"
                                    "COPY . /app\n"
                                    "USER node\n"
                                    "CMD [\"node\", \"/app/server.js\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/dockerfile/#user",
                            "https://docs.docker.com/build/building/best-practices/#user",
                        },
                },
            .options = {NonRootImagesOption()},
        },
    .docker = &Check,
};

}  // namespace pf::rules
