#include "custom/yaml_reader.h"

#include <fmt/format.h>

#include <charconv>

#include "core/nearest.h"

namespace pf::custom {

std::string LoadError::Format() const {
  if (line <= 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

void YamlReader::Error(const YAML::Mark& at, std::string message) {
  errors_.push_back(LoadError{file_, at.line + 1, at.column + 1, std::move(message)});
}

void YamlReader::Error(const YAML::Node& at, std::string message) {
  Error(at.Mark(), std::move(message));
}

bool YamlReader::Mapping(const YAML::Node& node, std::string_view what,
                         const std::vector<std::string>& allowed) {
  if (!node.IsMap()) {
    Error(node, fmt::format("{} must be a mapping with keys: {}", what, fmt::join(allowed, ", ")));
    return false;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      Error(it->first, fmt::format("{}: keys must be plain words", what));
      continue;
    }
    const std::string key = it->first.Scalar();
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key;
    if (!known) {
      Error(it->first, fmt::format("{}: unknown key '{}'; did you mean '{}'?", what, key,
                                   NearestNames(key, allowed, 1).front()));
    }
  }
  return true;
}

std::optional<std::string> YamlReader::String(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, fmt::format("{} must be a string", what));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> YamlReader::Bool(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  Error(node, fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::optional<long long> YamlReader::Int(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    long long value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
  }
  Error(node, fmt::format("{} must be a whole number", what));
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::Strings(const YAML::Node& node,
                                                            std::string_view what) {
  if (node.IsScalar()) return std::vector<std::string>{node.Scalar()};
  if (node.IsSequence()) {
    std::vector<std::string> out;
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) {
        Error(item, fmt::format("{} must be a string or a list of strings", what));
        return std::nullopt;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }
  Error(node, fmt::format("{} must be a string or a list of strings", what));
  return std::nullopt;
}

std::shared_ptr<const RE2> YamlReader::Regex(const YAML::Node& node, std::string_view what) {
  std::optional<std::string> pattern = String(node, what);
  if (!pattern) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(*pattern, options);
  if (!re->ok()) {
    Error(node, fmt::format("{}: bad regular expression '{}': {}", what, *pattern, re->error()));
    return nullptr;
  }
  return re;
}

}  // namespace pf::custom
