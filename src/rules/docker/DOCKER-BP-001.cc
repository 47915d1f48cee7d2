// DOCKER-BP-001: FROM with the latest tag, written or implied.
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
    std::string message =
        !no_tag ? fmt::format(
                      "base image {} uses the latest tag, which moves with every release; "
                      "use a specific version tag",
                      shown)
                : fmt::format(
                      "base image {} has no tag, so it resolves to :latest, which moves "
                      "with every release; use a specific version tag",
                      shown);
    emitter.Report(from.word->range, std::move(message), from.image);
  }
}

}  // namespace

extern const Rule kDockerBp001{
    .meta =
        {
            .id = "DOCKER-BP-001",
            .name = "Base Image Uses :latest Tag",
            .severity = Severity::kMedium,
            .category = "best-practice",
            .cwe = "CWE-1188",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "image", "tag", "latest", "reproducibility"},
            .summary = "FROM with :latest, or with no tag and no digest (which means :latest).",
            .docs =
                {
                    .what =
                        "Reports a `FROM` whose image uses the `latest` tag, either written "
                        "(`ubuntu:latest`) or implied by giving no tag and no digest (`ubuntu`). "
                        "A registry port is not a tag: `localhost:5000/app` has no tag. Not "
                        "reported: `scratch`, a `FROM` naming an earlier stage, any image with a "
                        "digest (`app:latest@sha256:...` is pinned), other tags (tags are case "
                        "sensitive, so `LATEST` is an ordinary tag), and images whose variables "
                        "cannot be resolved, or that are not valid references (DOCKER-COR-100 "
                        "reports those). DOCKER-BP-015 judges the same words: when both rules "
                        "are enabled, BP-015's finding is kept and this one is dropped.",
                    .why = "`latest` is just the tag a publisher moved last. The same Dockerfile "
                           "builds a different base next week, possibly a new major version, so "
                           "builds break or change behaviour without any change in the repository, "
                           "and a rebuild cannot reproduce what was tested.",
                    .fix = "Name the version you tested: `FROM ubuntu:24.04`, "
                           "`FROM node:20.11-alpine`; add a digest to pin it fully.",
                    .bad_example = "FROM node\n",
                    .good_example = "FROM node:20.11-alpine\n",
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
