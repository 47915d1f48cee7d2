#include "config/config.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/nearest.h"
#include "rules/registry.h"

namespace pf::config {

namespace {

constexpr std::string_view kTopLevelKeys[] = {
    "rulesets", "ignore",     "rules",    "fail-on",       "min-severity",
    "exclude",  "build-args", "baseline", "inline-ignore", "rules-paths"};

// Reads one file's YAML tree into a Config, stopping at the first problem.
class Reader {
 public:
  Reader(const std::string& path, Config* config) : path_(path), config_(*config) {}

  bool Read(const YAML::Node& root);
  const std::string& error() const { return error_; }

 private:
  bool Fail(const YAML::Mark& mark, const std::string& what) {
    error_ = fmt::format("{}:{}:{}: {}", path_, mark.line + 1, mark.column + 1, what);
    return false;
  }
  Origin At(const YAML::Mark& mark) const {
    return Origin{Origin::Kind::kFile, path_, mark.line + 1, mark.column + 1};
  }

  bool ReadKey(const std::string& key, const YAML::Node& key_node, const YAML::Node& value);
  bool Strings(const std::string& what, const YAML::Node& value, bool split_commas,
               std::vector<std::string>* out);
  bool Scalar(const std::string& what, const YAML::Node& value, std::string* out);
  bool Bool(const std::string& what, const YAML::Node& value, bool* out);
  bool Severities(const std::string& what, const YAML::Node& value, std::vector<std::string>* out);
  bool Rules(const YAML::Node& value);
  bool Rule(const std::string& id, const YAML::Node& value, RuleConfig* out);
  bool Option(const std::string& id, const rules::OptionSpec& spec, const YAML::Node& value,
              rules::OptionValue* out);

  const std::string& path_;
  Config& config_;
  std::string error_;
};

std::string Nearest(std::string_view wanted, const std::vector<std::string>& candidates) {
  std::vector<std::string> near = NearestNames(wanted, candidates, 1);
  return near.empty() ? std::string() : near.front();
}

std::string Shown(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

bool Reader::Read(const YAML::Node& root) {
  if (!root || root.IsNull()) return true;  // an empty file: all defaults
  if (!root.IsMap()) {
    return Fail(root.Mark(), "expected a mapping of settings (rulesets, rules, fail-on, ...)");
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (!ReadKey(key, entry.first, entry.second)) return false;
  }
  return true;
}

bool Reader::ReadKey(const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
  const Origin origin = At(key_node.Mark());
  if (value.IsNull() && key != "rules") return true;  // `key:` with nothing: unset
  if (key == "rulesets") {
    config_.rulesets.origin = origin;
    if (!Strings(key, value, true, &config_.rulesets.value)) return false;
    for (const std::string& spec : config_.rulesets.value) {
      std::vector<const rules::Rule*> unused;
      std::string why;
      if (!rules::SelectRules(spec, &unused, &why)) return Fail(value.Mark(), "rulesets: " + why);
    }
    return true;
  }
  if (key == "ignore") {
    config_.ignore.origin = origin;
    if (!Strings(key, value, true, &config_.ignore.value)) return false;
    std::vector<std::string> ids;
    for (const rules::Rule* rule : rules::AllRules()) ids.emplace_back(rule->meta.id);
    for (const std::string& id : config_.ignore.value) {
      if (rules::FindRule(id) == nullptr) {
        return Fail(value.Mark(), fmt::format("ignore: unknown rule '{}'; did you mean '{}'?", id,
                                              Nearest(id, ids)));
      }
    }
    return true;
  }
  if (key == "rules") return Rules(value);
  if (key == "fail-on") {
    config_.fail_on.origin = origin;
    return Severities(key, value, &config_.fail_on.value);
  }
  if (key == "min-severity") {
    config_.min_severity.origin = origin;
    if (!Scalar(key, value, &config_.min_severity.value)) return false;
    if (!ParseSeverity(config_.min_severity.value)) {
      return Fail(value.Mark(), fmt::format("min-severity: unknown severity '{}' (expected "
                                            "critical, high, medium, low or info)",
                                            config_.min_severity.value));
    }
    return true;
  }
  if (key == "exclude") {
    config_.excludes.origin = origin;
    return Strings(key, value, false, &config_.excludes.value);
  }
  if (key == "build-args") {
    if (!value.IsMap()) {
      return Fail(value.Mark(), fmt::format("build-args: expected a mapping of NAME: value, got "
                                            "'{}'",
                                            Shown(value)));
    }
    config_.build_args.origin = origin;
    for (const auto& arg : value) {
      std::string name = arg.first.Scalar();
      std::string text;
      if (!Scalar("build-args." + name, arg.second, &text)) return false;
      config_.build_args.value[name] = text;
    }
    return true;
  }
  if (key == "baseline") {
    config_.baseline.origin = origin;
    return Scalar(key, value, &config_.baseline.value);
  }
  if (key == "inline-ignore") {
    config_.inline_ignore.origin = origin;
    return Bool(key, value, &config_.inline_ignore.value);
  }
  if (key == "rules-paths") {
    config_.rules_paths.origin = origin;
    return Strings(key, value, false, &config_.rules_paths.value);
  }
  std::vector<std::string> keys(std::begin(kTopLevelKeys), std::end(kTopLevelKeys));
  return Fail(key_node.Mark(),
              fmt::format("unknown key '{}'; did you mean '{}'?", key, Nearest(key, keys)));
}

bool Reader::Scalar(const std::string& what, const YAML::Node& value, std::string* out) {
  if (!value.IsScalar()) {
    return Fail(value.Mark(),
                fmt::format("{}: expected a single value, got {}", what, Shown(value)));
  }
  *out = value.Scalar();
  return true;
}

bool Reader::Bool(const std::string& what, const YAML::Node& value, bool* out) {
  bool parsed = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, parsed)) {
    return Fail(value.Mark(),
                fmt::format("{}: expected true or false, got '{}'", what, Shown(value)));
  }
  *out = parsed;
  return true;
}

// A list, or one value; `split_commas` also splits "a,b" as the flags do.
bool Reader::Strings(const std::string& what, const YAML::Node& value, bool split_commas,
                     std::vector<std::string>* out) {
  auto add = [&](const std::string& text) {
    if (!split_commas) {
      out->push_back(text);
      return;
    }
    std::stringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
      if (!part.empty()) out->push_back(part);
    }
  };
  if (value.IsScalar()) {
    add(value.Scalar());
    return true;
  }
  if (!value.IsSequence()) {
    return Fail(value.Mark(), fmt::format("{}: expected a list, got {}", what, Shown(value)));
  }
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      return Fail(item.Mark(),
                  fmt::format("{}: expected a list of names, got {}", what, Shown(item)));
    }
    add(item.Scalar());
  }
  return true;
}

bool Reader::Severities(const std::string& what, const YAML::Node& value,
                        std::vector<std::string>* out) {
  if (!Strings(what, value, true, out)) return false;
  for (const std::string& name : *out) {
    if (!ParseSeverity(name)) {
      return Fail(value.Mark(), fmt::format("{}: unknown severity '{}' (expected critical, high, "
                                            "medium, low or info)",
                                            what, name));
    }
  }
  return true;
}

bool Reader::Rules(const YAML::Node& value) {
  if (value.IsNull()) return true;
  if (!value.IsMap()) {
    return Fail(value.Mark(),
                fmt::format("rules: expected a mapping of rule ids, got {}", Shown(value)));
  }
  std::vector<std::string> ids;
  for (const rules::Rule* rule : rules::AllRules()) ids.emplace_back(rule->meta.id);
  for (const auto& entry : value) {
    const std::string id = entry.first.Scalar();
    if (rules::FindRule(id) == nullptr) {
      return Fail(entry.first.Mark(),
                  fmt::format("unknown rule '{}'; did you mean '{}'?", id, Nearest(id, ids)));
    }
    if (!Rule(id, entry.second, &config_.rules[id])) return false;
  }
  return true;
}

bool Reader::Rule(const std::string& id, const YAML::Node& value, RuleConfig* out) {
  if (value.IsNull()) return true;
  if (!value.IsMap()) {
    return Fail(value.Mark(), fmt::format("{}: expected a mapping (severity and options), got {}",
                                          id, Shown(value)));
  }
  const rules::Rule& rule = *rules::FindRule(id);
  for (const auto& entry : value) {
    const std::string key = entry.first.Scalar();
    if (key == "severity") {
      std::string name;
      if (!Scalar(id + ".severity", entry.second, &name)) return false;
      out->severity = ParseSeverity(name);
      if (!out->severity) {
        return Fail(entry.second.Mark(),
                    fmt::format("{}.severity: unknown severity '{}' (expected critical, high, "
                                "medium, low or info)",
                                id, name));
      }
      out->severity_origin = At(entry.first.Mark());
      continue;
    }
    const rules::OptionSpec* spec = rules::FindOption(rule.meta.options, key);
    if (spec == nullptr) {
      std::vector<std::string> names = {"severity"};
      for (const rules::OptionSpec& s : rule.meta.options) names.emplace_back(s.name);
      if (names.size() == 1) {
        return Fail(entry.first.Mark(),
                    fmt::format("{}: unknown option '{}'; this rule has no options, only "
                                "'severity'",
                                id, key));
      }
      return Fail(entry.first.Mark(), fmt::format("{}: unknown option '{}'; did you mean '{}'?", id,
                                                  key, Nearest(key, names)));
    }
    rules::OptionValue parsed;
    if (!Option(id, *spec, entry.second, &parsed)) return false;
    out->options[key] = std::move(parsed);
    out->option_origins[key] = At(entry.first.Mark());
  }
  return true;
}

std::optional<int> PortNumber(const std::string& text) {
  int port = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc() || end != text.data() + text.size() || port < 1 || port > 65535) {
    return std::nullopt;
  }
  return port;
}

bool Reader::Option(const std::string& id, const rules::OptionSpec& spec, const YAML::Node& value,
                    rules::OptionValue* out) {
  const std::string what = fmt::format("{}.{}", id, spec.name);
  switch (spec.type) {
    case rules::OptionType::kBool: {
      bool b = false;
      if (!Bool(what, value, &b)) return false;
      *out = b;
      return true;
    }
    case rules::OptionType::kStringList: {
      std::vector<std::string> names;
      if (!Strings(what, value, false, &names)) return false;
      *out = std::move(names);
      return true;
    }
    case rules::OptionType::kPortList: {
      std::vector<int> ports;
      auto bad = [&](const YAML::Node& at) {
        return Fail(at.Mark(), fmt::format("{}: expected a list of port numbers 1-65535, got '{}'",
                                           what, Shown(at)));
      };
      if (value.IsScalar()) {
        std::optional<int> port = PortNumber(value.Scalar());
        if (!port) return bad(value);
        ports.push_back(*port);
      } else if (value.IsSequence()) {
        for (const YAML::Node& item : value) {
          std::optional<int> port = item.IsScalar() ? PortNumber(item.Scalar()) : std::nullopt;
          if (!port) return bad(item);
          ports.push_back(*port);
        }
      } else {
        return bad(value);
      }
      *out = std::move(ports);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string DescribeOrigin(const Origin& origin) {
  switch (origin.kind) {
    case Origin::Kind::kDefault:
      return "default";
    case Origin::Kind::kCommandLine:
      return "command line";
    case Origin::Kind::kFile:
      return fmt::format("{}:{}:{}", origin.file, origin.line, origin.column);
  }
  return "default";
}

bool ParseConfig(const std::string& path, const std::string& text, Config* config,
                 std::string* error) {
  Config fresh;
  fresh.path = path;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    *error = fmt::format("{}:{}:{}: not valid YAML: {}", path, e.mark.line + 1, e.mark.column + 1,
                         e.msg);
    return false;
  }
  try {
    Reader reader(path, &fresh);
    if (!reader.Read(root)) {
      *error = reader.error();
      return false;
    }
  } catch (const std::exception& e) {
    *error = fmt::format("{}: cannot read the configuration: {}", path, e.what());
    return false;
  }
  *config = std::move(fresh);
  return true;
}

bool LoadConfig(const std::string& path, Config* config, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("{}: cannot open the configuration file", path);
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(path, text.str(), config, error);
}

std::optional<std::string> FindConfig(const std::string& project_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = project_dir.empty() ? fs::path(".") : fs::path(project_dir);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  if (dir.empty()) dir = ".";
  for (const char* name : kConfigNames) {
    fs::path candidate = dir / name;
    if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
  }
  return std::nullopt;
}

}  // namespace pf::config
