#pragma once

// Rules from user rule files (`--rules PATH`, `rules-paths` in the config):
// YAML files whose rules join the built-in ones for the whole run.

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "custom/yaml_reader.h"
#include "rules/rule.h"

namespace pf::custom {

struct CustomRule;  // custom/custom_rule.h

// Result of one example of `rules test`.
struct ExampleResult {
  std::string rule_id;
  std::string example;  // "bad" or "good"
  bool passed = false;
  std::string detail;  // why it failed
};

// The loaded rules; they live as long as the set (the scan holds pointers).
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Loads rule files: each path is a file or a folder (its *.yml and *.yaml
  // files, recursively, in name order). Every mistake goes to `errors`,
  // also examples that disagree with their rule unless `run_examples` is
  // false (`rules test` reports those itself).
  void Load(const std::vector<std::string>& paths, std::vector<LoadError>* errors,
            bool run_examples = true);

  std::vector<const rules::Rule*> rules() const;
  const rules::Rule* Find(std::string_view id) const;

  // Runs every rule's examples: bad must fire, good must stay silent.
  std::vector<ExampleResult> TestExamples() const;

 private:
  void LoadFile(const std::string& path, std::vector<LoadError>* errors, bool run_examples);
  void LoadRule(YamlReader& reader, const YAML::Node& node, const std::string& path,
                bool run_examples);
  std::vector<std::unique_ptr<CustomRule>> rules_;
};

// Splits the newline-joined value of a repeated --rules flag.
std::vector<std::string> SplitPaths(std::string_view joined);

}  // namespace pf::custom
