#pragma once

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/severity.h"
#include "rules/rule.h"

namespace pf::config {

// Built-in rules with the options a config gives them: copies of the
// registry's rules that point at their values. Keep it alive while the
// scan runs; it is neither copied nor moved, so the pointers stay valid.
class ConfiguredRules {
 public:
  ConfiguredRules() = default;
  ConfiguredRules(const ConfiguredRules&) = delete;
  ConfiguredRules& operator=(const ConfiguredRules&) = delete;

  // Replaces each rule of *selected that `config` gives options by a
  // configured copy (unset options keep their declared defaults).
  void Apply(const Config& config, std::vector<const rules::Rule*>* selected);

 private:
  std::deque<rules::RuleOptions> options_;
  std::deque<rules::Rule> rules_;
};

// rules.<ID>.severity of the config, by rule id.
std::map<std::string, Severity> SeverityOverrides(const Config& config);

}  // namespace pf::config
