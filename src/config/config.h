#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"
#include "rules/options.h"

namespace pf::config {

// The file names looked for in the project root, in this order.
inline constexpr const char* kConfigNames[] = {".pathfinder.yml", ".pathfinder.yaml"};

// Where a setting's value came from, for `config print` and errors.
struct Origin {
  enum class Kind { kDefault, kFile, kCommandLine };
  Kind kind = Kind::kDefault;
  std::string file;  // kFile: the config path as given
  int line = 0;
  int column = 0;
};

// "default", ".pathfinder.yml:4:3" or "command line".
std::string DescribeOrigin(const Origin& origin);

template <typename T>
struct Setting {
  T value{};
  Origin origin;
  bool set() const { return origin.kind != Origin::Kind::kDefault; }
};

// rules.<ID>: a severity override and option values.
struct RuleConfig {
  std::optional<Severity> severity;
  Origin severity_origin;
  std::map<std::string, rules::OptionValue> options;
  std::map<std::string, Origin> option_origins;
};

struct Config {
  std::string path;                                        // the file read; empty when none
  Setting<std::vector<std::string>> rulesets;              // like --ruleset
  Setting<std::vector<std::string>> ignore;                // rule ids left out, like --ignore
  std::map<std::string, RuleConfig> rules;                 // by rule id
  Setting<std::vector<std::string>> fail_on;               // severity names, like --fail-on
  Setting<std::string> min_severity;                       // like --min-severity
  Setting<std::vector<std::string>> excludes;              // like --exclude
  Setting<std::map<std::string, std::string>> build_args;  // like --build-arg
  Setting<std::string> baseline;                           // like --baseline
  Setting<bool> inline_ignore{true, {}};                   // false: like --no-inline-ignore
  Setting<std::vector<std::string>> rules_paths;           // like --rules (custom rules)
};

// Reads and validates a config file. On failure returns false and sets
// *error to one line "<path>:<line>:<col>: <what>" naming the nearest valid
// key, rule id or option where one is close. Never throws.
bool LoadConfig(const std::string& path, Config* config, std::string* error);

// The same for a text already read; `path` names it in errors.
bool ParseConfig(const std::string& path, const std::string& text, Config* config,
                 std::string* error);

// The config file in `project_dir` (the folder itself, or the folder of a
// file), or nullopt when there is none.
std::optional<std::string> FindConfig(const std::string& project_dir);

// Every setting with its effective value and origin, as YAML with
// comments (`pathfinder config print`).
std::string RenderEffectiveConfig(const Config& config);

// A commented starter `.pathfinder.yml` that LoadConfig accepts
// (`pathfinder config init`); every rule option is listed with its default.
std::string StarterConfig();

}  // namespace pf::config
