#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace pf::rules {

// Every built-in rule, in id order. The list lives in registry.cc: a rule
// declared there but not defined is a link error, never a silent omission.
const std::vector<const Rule*>& AllRules();

const Rule* FindRule(std::string_view id);

// Resolves a --ruleset spec ("docker/DOCKER-AUD-003", "docker/security",
// "docker/all", "docker-compose/all", or a bare id). On an unknown spec
// returns false and sets *error to a message naming the nearest names.
bool SelectRules(std::string_view spec, std::vector<const Rule*>* selected, std::string* error);

}  // namespace pf::rules
