// COMPOSE-SEC-106: a service's image is not pinned to a version.
#include <fmt/format.h>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/docker/image_ref.h"
#include "rules/image_policy.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    const auto& image = service->image;
    if (!image || image->unresolved || image->value.empty()) continue;
    // With `build:`, `image:` names what Compose builds, not what it pulls.
    if (service->build) continue;
    ImageRef ref = ParseImageRef(image->value);
    if (ref.has_digest) continue;
    if (AcceptedByPolicy(ref, *context.options)) continue;
    std::string problem;
    if (!ref.has_tag || ref.tag.empty()) {
      problem = "has no tag, so it means :latest";
    } else if (ref.tag == "latest") {
      problem = "uses the :latest tag";
    } else {
      continue;
    }
    compose_rules::ReportValue(
        context, emitter, *service, image->file, image->range,
        fmt::format("service '{}' image {} {}: each pull may bring a different image; pin a "
                    "version tag (and a @sha256: digest for reproducible deployments)",
                    service->name, image->value, problem),
        image->value);
  }
}

}  // namespace

extern const Rule kComposeSec106{
    .meta =
        {
            .id = "COMPOSE-SEC-106",
            .name = "Image Without Pinned Version",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-1188",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "image", "tag", "latest", "supply-chain",
                     "reproducibility"},
            .summary = "A service's `image:` has no tag or uses `:latest`, and no digest.",
            .docs =
                {
                    .what = "Reports a service whose `image` has no tag (`redis`, "
                            "`ghcr.io/org/app`) or the tag `latest`, and no `@sha256:` digest. A "
                            "port on the registry host is not a tag (`localhost:5000/app` has no "
                            "tag and is reported; `localhost:5000/app:1.2` is not). The value is "
                            "read after interpolation: `nginx:${NGINX_TAG:-latest}` is reported "
                            "when the variable is unset, `nginx:${NGINX_TAG}` with the tag set in "
                            "`.env` is judged on that value, and a value that depends on an unset "
                            "variable is not reported. Services with `build:` are skipped: there "
                            "`image` names the image Compose builds. One finding per service, on "
                            "the image value.",
                    .why = "`latest` is just the tag a publisher moved last. Each `docker compose "
                           "pull` or fresh host can get a different image: new major versions "
                           "with breaking changes, or a compromised push, arrive without any "
                           "change in the file, and a rollback has no version to go back to.",
                    .fix = "Name a version tag (`redis:7.4.1-alpine`) and, where deployments must "
                           "be reproducible, add its digest (`redis:7.4.1-alpine@sha256:...`). "
                           "Let a dependency bot (Renovate, Dependabot) raise updates as reviewed "
                           "changes.",
                    .bad_example = "services:\n"
                                   "  cache:\n"
                                   "    image: redis\n",
                    .good_example = "services:\n"
                                    "  cache:\n"
                                    "    image: redis:7.4.1-alpine\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1188.html",
                            "https://docs.docker.com/reference/compose-file/services/#image",
                            "https://docs.docker.com/build/building/best-practices/"
                            "#pin-base-image-versions",
                        },
                },
            .options = ImagePolicyOptions(),
        },
    .compose = &Check,
};

}  // namespace pf::rules
