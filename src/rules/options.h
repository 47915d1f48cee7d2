#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pf::rules {

// The kinds of value a rule option takes in `.pathfinder.yml`.
enum class OptionType { kBool, kStringList, kPortList };

using OptionValue = std::variant<bool, std::vector<std::string>, std::vector<int>>;

// One option a rule accepts, declared in the rule's metadata: the config
// validator, the rule page and `config init` all read this declaration.
struct OptionSpec {
  std::string_view name;  // "allowed_ports"
  OptionType type = OptionType::kBool;
  std::string_view description;
  OptionValue default_value;
};

// A rule's option values, defaults filled in for what the config leaves out.
class RuleOptions {
 public:
  void Set(std::string name, OptionValue value) { values_[std::move(name)] = std::move(value); }
  bool Has(std::string_view name) const { return values_.find(name) != values_.end(); }
  // The value of `name`, or the type's empty value when absent or of
  // another type.
  bool Bool(std::string_view name) const;
  const std::vector<std::string>& Strings(std::string_view name) const;
  const std::vector<int>& Ports(std::string_view name) const;

 private:
  std::map<std::string, OptionValue, std::less<>> values_;
};

// The defaults of every option in `specs`.
RuleOptions DefaultOptions(const std::vector<OptionSpec>& specs);

// "allowed_ports" -> the spec; nullptr when the rule has no such option.
const OptionSpec* FindOption(const std::vector<OptionSpec>& specs, std::string_view name);

// A value as YAML shows it: `false`, `[]`, `[80, 443]`, `["a", "b"]`.
std::string FormatOptionValue(const OptionValue& value);

// "list of port numbers" etc., for docs and error messages.
std::string_view OptionTypeName(OptionType type);

}  // namespace pf::rules
