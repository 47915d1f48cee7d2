// DOCKER-BP-015: FROM of an image without a version (no tag, or latest,
// and no digest).
#include <fmt/format.h>

#include <string>

#include "rules/docker/image_ref.h"
#include "rules/image_policy.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    FromImage from = DescribeFrom(context, stage);
    if (!from.External() || from.ref.has_digest) continue;
    if (AcceptedByPolicy(from.ref, *context.options)) continue;
    const bool no_tag = !from.ref.has_tag || from.ref.tag.empty();
    if (!no_tag && from.ref.tag != "latest") continue;
    std::string shown = from.image;
    if (from.word->text != from.image) shown += fmt::format(" (from {})", from.word->text);
    emitter.Report(from.word->range,
                   fmt::format("base image {} names no version{}: every build may get a "
                               "different image; add a version tag (and ideally a digest)",
                               shown, no_tag ? "" : " (latest is not a version)"),
                   from.image);
  }
}

}  // namespace

extern const Rule kDockerBp015{
    .meta =
        {
            .id = "DOCKER-BP-015",
            .name = "Missing Image Version",
            .severity = Severity::kHigh,
            .category = "best-practice",
            .cwe = "CWE-1188",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "image", "version", "supply-chain"},
            .summary = "FROM with neither tag nor digest, or with :latest.",
            .docs =
                {
                    .what =
                        "Reports each `FROM` whose external image names no version: no tag and "
                        "no digest (`FROM debian`, `FROM registry:5000/team/app`), or the "
                        "`latest` tag. One finding per `FROM`, on the image. A digest counts "
                        "as a version. `scratch`, earlier stages (named in any case) and images "
                        "whose variables cannot be resolved are not reported; variables are "
                        "resolved from the ARGs before the first `FROM` and `--build-arg`. When "
                        "DOCKER-BP-001 (latest tag) is enabled too, only this rule reports the "
                        "word.",
                    .why =
                        "Without a version the base image is whatever the registry serves at "
                        "build time. Security fixes, breaking changes or a compromised upload "
                        "enter the build unnoticed, and nobody can tell afterwards which base an "
                        "image was built on.",
                    .fix = "Name a version tag (`FROM debian:12.5-slim`) and, for full "
                           "reproducibility, its digest (`FROM debian:12.5-slim@sha256:...`).",
                    .bad_example = "FROM debian\n",
                    .good_example = "FROM debian:12.5-slim\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1188.html",
                            "https://docs.docker.com/reference/dockerfile/#from",
                        },
                },
            .options = ImagePolicyOptions(),
        },
    .docker = &Check,
};

}  // namespace pf::rules
