#include "custom/selection.h"

#include <algorithm>

namespace pf::custom {

namespace {

// "custom/ACME-1" -> "ACME-1"; the language prefixes are accepted too.
std::string Bare(const std::string& spec) {
  for (std::string_view prefix : {"custom/", "docker/", "docker-compose/"}) {
    if (spec.starts_with(prefix)) return spec.substr(prefix.size());
  }
  return spec;
}

}  // namespace

Selection Select(const RuleSet& set, std::vector<std::string>* rulesets,
                 std::vector<std::string>* ignore) {
  Selection out;
  const std::vector<const rules::Rule*> all = set.rules();
  bool named = false;
  bool builtin_left = false;
  std::vector<std::string> kept;
  for (const std::string& spec : *rulesets) {
    if (spec == "custom" || spec == "custom/all") {
      named = true;
      out.rules = all;
      continue;
    }
    if (const rules::Rule* r = set.Find(Bare(spec))) {
      named = true;
      if (std::find(out.rules.begin(), out.rules.end(), r) == out.rules.end()) {
        out.rules.push_back(r);
      }
      continue;
    }
    if (!spec.empty()) builtin_left = true;
    kept.push_back(spec);
  }
  if (!named) out.rules = all;
  out.only_custom = named && !builtin_left;
  *rulesets = kept;
  std::vector<std::string> kept_ignores;
  for (const std::string& spec : *ignore) {
    if (const rules::Rule* r = set.Find(Bare(spec))) {
      std::erase(out.rules, r);
      continue;
    }
    kept_ignores.push_back(spec);
  }
  *ignore = kept_ignores;
  return out;
}

}  // namespace pf::custom
