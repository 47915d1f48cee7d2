#pragma once

#include <vector>

#include "rules/docker/image_ref.h"
#include "rules/options.h"

namespace pf::rules {

// The options of the image rules (DOCKER-BP-001, DOCKER-BP-015,
// DOCKER-AUD-001, COMPOSE-SEC-106): trusted_registries and allowed_tags.
std::vector<OptionSpec> ImagePolicyOptions();

// True when the image comes from a registry (or registry/namespace prefix)
// listed in trusted_registries. Docker Hub images are `docker.io/...`, its
// official images `docker.io/library/...`.
bool FromTrustedRegistry(const ImageRef& ref, const RuleOptions& options);

// True when the image's tag (`latest` when none is written) is listed in
// allowed_tags; an entry ending in `*` matches tags with that prefix.
bool HasAllowedTag(const ImageRef& ref, const RuleOptions& options);

// Either of the two: the image rules stay silent on it.
inline bool AcceptedByPolicy(const ImageRef& ref, const RuleOptions& options) {
  return FromTrustedRegistry(ref, options) || HasAllowedTag(ref, options);
}

}  // namespace pf::rules
