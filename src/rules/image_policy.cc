#include "rules/image_policy.h"

#include <string>
#include <string_view>

namespace pf::rules {

namespace {

constexpr std::string_view kTrustedRegistries = "trusted_registries";
constexpr std::string_view kAllowedTags = "allowed_tags";

// Registry and repository as one path: "docker.io/library/ubuntu".
std::string FullName(const ImageRef& ref) {
  std::string registry = ref.registry.empty() ? "docker.io" : ToLower(ref.registry);
  std::string repository = ref.repository;
  if (ref.registry.empty() && repository.find('/') == std::string::npos) {
    repository = "library/" + repository;
  }
  return registry + "/" + repository;
}

}  // namespace

std::vector<OptionSpec> ImagePolicyOptions() {
  return {
      {.name = kTrustedRegistries,
       .type = OptionType::kStringList,
       .description = "Registries (`registry.example.com`) or registry paths "
                      "(`ghcr.io/acme`) whose images are not reported, e.g. an internal "
                      "registry that enforces its own tagging policy. Docker Hub is "
                      "`docker.io`.",
       .default_value = std::vector<std::string>{}},
      {.name = kAllowedTags,
       .type = OptionType::kStringList,
       .description = "Tags accepted as they are (an image without a tag has the tag "
                      "`latest`); an entry ending in `*` accepts every tag with that prefix.",
       .default_value = std::vector<std::string>{}},
  };
}

bool FromTrustedRegistry(const ImageRef& ref, const RuleOptions& options) {
  const std::string full = FullName(ref);
  for (const std::string& entry : options.Strings(kTrustedRegistries)) {
    std::string prefix = ToLower(entry);
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    if (prefix.empty()) continue;
    if (full == prefix || full.starts_with(prefix + "/")) return true;
  }
  return false;
}

bool HasAllowedTag(const ImageRef& ref, const RuleOptions& options) {
  const std::string tag = ref.has_tag && !ref.tag.empty() ? ref.tag : "latest";
  for (const std::string& entry : options.Strings(kAllowedTags)) {
    if (entry.ends_with('*')) {
      if (tag.starts_with(std::string_view(entry).substr(0, entry.size() - 1))) return true;
    } else if (entry == tag) {
      return true;
    }
  }
  return false;
}

}  // namespace pf::rules
