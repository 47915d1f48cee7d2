// DOCKER-AUD-001: FROM of an external image that is not pinned by digest.
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
    std::string shown = from.image;
    if (from.word->text != from.image) shown += fmt::format(" (from {})", from.word->text);
    emitter.Report(from.word->range,
                   fmt::format("base image {} is not pinned by digest: the tag can be moved to "
                               "different content at any time; pin it as {}@sha256:<digest>",
                               shown, from.image),
                   from.image);
  }
}

}  // namespace

extern const Rule kDockerAud001{
    .meta =
        {
            .id = "DOCKER-AUD-001",
            .name = "Dockerfile Source Not Pinned",
            .severity = Severity::kLow,
            .category = "audit",
            .cwe = "CWE-1188",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "image", "digest", "supply-chain",
                     "reproducibility"},
            .summary = "FROM of an external image without an @sha256 digest.",
            .docs =
                {
                    .what =
                        "Reports every `FROM` whose image is pulled from a registry and carries "
                        "no digest (`@sha256:...`), whether or not it has a tag. Not reported: "
                        "`scratch`, a `FROM` naming an earlier stage of the same file (compared "
                        "ignoring case), and an image whose variables cannot be resolved. "
                        "Variables in `FROM` are resolved from the ARGs declared before the "
                        "first `FROM` and from `--build-arg`, as BuildKit does.",
                    .why = "A tag is a movable pointer: the publisher, or anyone who controls the "
                           "registry or the repository, can point `node:20` at different content "
                           "tomorrow. Builds then change silently, cannot be reproduced, and a "
                           "compromised tag reaches every build. A digest names exactly one image "
                           "manifest and cannot be changed.",
                    .fix =
                        "Append the digest of the image you tested: `FROM node:20.11@sha256:...` "
                        "(`docker buildx imagetools inspect node:20.11` prints it). Keep the tag "
                        "for readability; the digest wins. Let a dependency bot update both.",
                    .bad_example = "FROM python:3.12-slim\n",
                    .good_example =
                        "FROM python:3.12-slim@sha256:"
                        "2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1188.html",
                            "https://docs.docker.com/reference/dockerfile/#from",
                            "https://docs.docker.com/build/building/best-practices/"
                            "#pin-base-image-versions",
                        },
                },
            .options = ImagePolicyOptions(),
        },
    .docker = &Check,
};

}  // namespace pf::rules
