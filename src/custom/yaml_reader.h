#pragma once

// Typed reads of a rule file's YAML nodes that record every mistake with
// its file:line:col instead of throwing.

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pf::custom {

struct LoadError {
  std::string file;
  int line = 0;  // 1-based; 0 when the error has no position
  int column = 0;
  std::string message;
  std::string Format() const;  // "file:line:col: message"
};

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  void Error(const YAML::Node& at, std::string message);
  void Error(const YAML::Mark& at, std::string message);

  // A mapping whose keys are all among `allowed`; an unknown key is an
  // error naming the nearest allowed one. False when `node` is no mapping.
  bool Mapping(const YAML::Node& node, std::string_view what,
               const std::vector<std::string>& allowed);
  std::optional<std::string> String(const YAML::Node& node, std::string_view what);
  std::optional<bool> Bool(const YAML::Node& node, std::string_view what);
  std::optional<long long> Int(const YAML::Node& node, std::string_view what);
  // A string or a list of strings.
  std::optional<std::vector<std::string>> Strings(const YAML::Node& node, std::string_view what);
  // An RE2 pattern; a pattern RE2 rejects is an error with its reason.
  std::shared_ptr<const RE2> Regex(const YAML::Node& node, std::string_view what);

  const std::string& file() const { return file_; }
  std::vector<LoadError>& errors() { return errors_; }

 private:
  std::string file_;
  std::vector<LoadError> errors_;
};

}  // namespace pf::custom
