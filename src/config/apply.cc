#include "config/apply.h"

namespace pf::config {

void ConfiguredRules::Apply(const Config& config, std::vector<const rules::Rule*>* selected) {
  for (const rules::Rule*& rule : *selected) {
    auto it = config.rules.find(std::string(rule->meta.id));
    if (it == config.rules.end() || it->second.options.empty()) continue;
    rules::RuleOptions& values = options_.emplace_back(rules::DefaultOptions(rule->meta.options));
    for (const auto& [name, value] : it->second.options) values.Set(name, value);
    rules::Rule& copy = rules_.emplace_back(*rule);
    copy.options = &values;
    rule = &copy;
  }
}

std::map<std::string, Severity> SeverityOverrides(const Config& config) {
  std::map<std::string, Severity> out;
  for (const auto& [id, rule] : config.rules) {
    if (rule.severity) out[id] = *rule.severity;
  }
  return out;
}

}  // namespace pf::config
