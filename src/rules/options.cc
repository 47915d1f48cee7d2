#include "rules/options.h"

#include <fmt/format.h>

namespace pf::rules {

namespace {

template <typename T>
const T& Get(const std::map<std::string, OptionValue, std::less<>>& values, std::string_view name) {
  static const T kEmpty{};  // immutable: the empty value of T
  auto it = values.find(name);
  if (it == values.end()) return kEmpty;
  const T* value = std::get_if<T>(&it->second);
  return value != nullptr ? *value : kEmpty;
}

}  // namespace

bool RuleOptions::Bool(std::string_view name) const { return Get<bool>(values_, name); }

const std::vector<std::string>& RuleOptions::Strings(std::string_view name) const {
  return Get<std::vector<std::string>>(values_, name);
}

const std::vector<int>& RuleOptions::Ports(std::string_view name) const {
  return Get<std::vector<int>>(values_, name);
}

RuleOptions DefaultOptions(const std::vector<OptionSpec>& specs) {
  RuleOptions options;
  for (const OptionSpec& spec : specs) options.Set(std::string(spec.name), spec.default_value);
  return options;
}

const OptionSpec* FindOption(const std::vector<OptionSpec>& specs, std::string_view name) {
  for (const OptionSpec& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string FormatOptionValue(const OptionValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* ports = std::get_if<std::vector<int>>(&value)) {
    return fmt::format("[{}]", fmt::join(*ports, ", "));
  }
  std::vector<std::string> quoted;
  for (const std::string& s : std::get<std::vector<std::string>>(value)) {
    quoted.push_back(fmt::format("\"{}\"", s));
  }
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

std::string_view OptionTypeName(OptionType type) {
  switch (type) {
    case OptionType::kBool:
      return "boolean";
    case OptionType::kStringList:
      return "list of strings";
    case OptionType::kPortList:
      return "list of port numbers";
  }
  return "value";
}

}  // namespace pf::rules
