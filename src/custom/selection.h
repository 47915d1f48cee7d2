#pragma once

#include <string>
#include <vector>

#include "custom/rule_set.h"

namespace pf::custom {

// Which custom rules a scan runs. --ruleset entries that name custom rules
// (`ACME-1`, `custom/ACME-1`, `docker/ACME-1`, `custom`, `custom/all`) are
// taken out of `rulesets`; when some are named, only those run, else all
// of them. --ignore entries naming custom rules are taken out of `ignore`
// and leave those rules out. `only_custom` is set when every --ruleset
// entry named custom rules, so no built-in rule runs.
struct Selection {
  std::vector<const rules::Rule*> rules;
  bool only_custom = false;
};

Selection Select(const RuleSet& set, std::vector<std::string>* rulesets,
                 std::vector<std::string>* ignore);

}  // namespace pf::custom
