// The checks of BuildKit's instructions.Parse, instruction by instruction,
// in the order BuildKit makes them (the first failing one is reported).
#include <fmt/format.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/validate.h"

namespace pf::dockerfile {
namespace {

enum class FlagType { kBool, kString, kStrings };

struct FlagSpec {
  std::string_view name;
  FlagType type;
};

using Result = std::optional<ParseError>;

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

ParseError At(const Range& range, std::string message) {
  return ParseError{std::move(message), range};
}

// Where a count error points: the first word too many, else the keyword.
Range ExtraOrKeyword(const Instruction& inst, std::size_t allowed) {
  return inst.args.size() > allowed ? inst.args[allowed].range : inst.keyword_range;
}

// BFlags.Parse: every flag must be declared, given once (lists excepted)
// and carry the kind of value its type wants.
Result CheckFlags(const Instruction& inst, std::initializer_list<FlagSpec> specs) {
  std::set<std::string> used;
  for (const Flag& flag : inst.flags) {
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& s : specs) {
      if (s.name == flag.name) spec = &s;
    }
    if (spec == nullptr) return At(flag.range, fmt::format("unknown flag: {}", flag.name));
    if (!used.insert(flag.name).second && spec->type != FlagType::kStrings) {
      return At(flag.range, fmt::format("duplicate flag specified: {}", flag.name));
    }
    if (spec->type == FlagType::kBool) {
      if (flag.has_value && flag.value.empty()) {
        return At(flag.range, fmt::format("missing a value on flag: {}", flag.name));
      }
      std::string value = Lower(flag.value);
      if (value != "true" && value != "false" && !value.empty()) {
        return At(flag.range, fmt::format("expecting boolean value for flag {}, not: {}", flag.name,
                                          flag.value));
      }
    } else if (!flag.has_value) {
      return At(flag.range, fmt::format("missing a value on flag: {}", flag.name));
    }
  }
  return std::nullopt;
}

const Flag* FindFlag(const Instruction& inst, std::string_view name) {
  for (const Flag& flag : inst.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

bool HasVariable(std::string_view value) { return value.find('$') != std::string_view::npos; }

// Symbolic modes as chmod(1) writes them: [ugoa]*([-+=]([rwxXst]*|[ugo]))+,
// comma separated.
bool IsSymbolicMode(std::string_view mode) {
  if (mode.empty()) return false;
  std::size_t i = 0;
  while (true) {
    while (i < mode.size() && std::string_view("ugoa").find(mode[i]) != std::string_view::npos) ++i;
    bool any_op = false;
    while (i < mode.size() && std::string_view("-+=").find(mode[i]) != std::string_view::npos) {
      any_op = true;
      ++i;
      if (i < mode.size() && std::string_view("ugo").find(mode[i]) != std::string_view::npos) {
        ++i;
        continue;
      }
      while (i < mode.size() &&
             std::string_view("rwxXst").find(mode[i]) != std::string_view::npos) {
        ++i;
      }
    }
    if (!any_op) return false;
    if (i == mode.size()) return true;
    if (mode[i] != ',') return false;
    ++i;
  }
}

// COPY/ADD --chmod: octal up to 07777, or a symbolic mode.
Result CheckChmod(const Instruction& inst) {
  const Flag* flag = FindFlag(inst, "chmod");
  if (flag == nullptr || flag->value.empty() || HasVariable(flag->value)) return std::nullopt;
  const std::string& v = flag->value;
  bool octal_digits = v.find_first_not_of("01234567") == std::string::npos;
  bool digits = v.find_first_not_of("0123456789") == std::string::npos;
  bool ok = octal_digits ? std::stoull(v.size() > 12 ? "77777" : v, nullptr, 8) <= 07777
                         : !digits && IsSymbolicMode(v);
  if (ok) return std::nullopt;
  return At(flag->range, fmt::format("invalid chmod parameter: '{}'. it should be octal string "
                                     "and between 0 and 07777",
                                     v));
}

Result CheckSourcesAndDest(const Instruction& inst, std::string_view name,
                           std::initializer_list<FlagSpec> flags) {
  if (inst.args.size() < 2) {
    return At(inst.args.empty() ? inst.keyword_range : inst.args[0].range,
              fmt::format("{} requires at least two arguments, but only one was provided. "
                          "Destination could not be determined",
                          name));
  }
  if (Result r = CheckFlags(inst, flags)) return r;
  const Word& dest = inst.args.back();
  if (!inst.json_form && dest.text.starts_with("<<") && dest.text.size() > 2) {
    return At(dest.range, fmt::format("{} cannot accept a heredoc as a destination", name));
  }
  return CheckChmod(inst);
}

// RUN --network and --security take one of a few modes; --mount a known type.
Result CheckRunFlags(const Instruction& inst) {
  for (const Flag& flag : inst.flags) {
    if (HasVariable(flag.value)) continue;
    if (flag.name == "network" && flag.value != "default" && flag.value != "none" &&
        flag.value != "host") {
      return At(flag.range, fmt::format("unsupported network mode \"{}\"", flag.value));
    }
    if (flag.name == "security" && flag.value != "sandbox" && flag.value != "insecure") {
      return At(flag.range, fmt::format("unsupported security mode \"{}\"", flag.value));
    }
    if (flag.name != "mount") continue;
    std::string_view rest = flag.value;
    while (!rest.empty()) {
      std::string_view field = rest.substr(0, rest.find(','));
      rest = field.size() < rest.size() ? rest.substr(field.size() + 1) : std::string_view();
      if (!Lower(field).starts_with("type=")) continue;
      std::string type = Lower(field.substr(5));
      if (type != "bind" && type != "cache" && type != "tmpfs" && type != "secret" &&
          type != "ssh") {
        return At(flag.range, fmt::format("unsupported mount type \"{}\"", type));
      }
    }
  }
  return std::nullopt;
}

Result CheckInterval(const Instruction& inst, std::string_view name) {
  const Flag* flag = FindFlag(inst, name);
  if (flag == nullptr || flag->value.empty()) return std::nullopt;
  std::string error;
  std::optional<long double> ns = ParseGoDuration(flag->value, &error);
  if (!ns) return At(flag->range, error);
  if (*ns != 0 && *ns < 1e6L) {
    return At(flag->range, fmt::format("Interval \"{}\" cannot be less than 1ms", name));
  }
  return std::nullopt;
}

Result CheckHealthcheck(const Instruction& inst) {
  if (inst.args.empty()) {
    return At(inst.keyword_range, "HEALTHCHECK requires at least one argument");
  }
  const std::string type = Upper(inst.args[0].text);
  if (type == "NONE") {
    if (inst.args.size() > 1) return At(inst.args[1].range, "HEALTHCHECK NONE takes no arguments");
    return std::nullopt;
  }
  if (Result r = CheckFlags(inst, {{"interval", FlagType::kString},
                                   {"timeout", FlagType::kString},
                                   {"start-period", FlagType::kString},
                                   {"start-interval", FlagType::kString},
                                   {"retries", FlagType::kString}})) {
    return r;
  }
  if (type != "CMD") {
    return At(inst.args[0].range,
              fmt::format("Unknown type \"{}\" in HEALTHCHECK (try CMD)", type));
  }
  bool has_command = inst.args.size() > 1 && (inst.json_form || !inst.args[1].text.empty());
  if (!has_command) return At(inst.args[0].range, "Missing command after HEALTHCHECK CMD");
  for (std::string_view name : {"interval", "timeout", "start-period", "start-interval"}) {
    if (Result r = CheckInterval(inst, name)) return r;
  }
  if (const Flag* retries = FindFlag(inst, "retries"); retries && !retries->value.empty()) {
    const std::string& v = retries->value;
    std::size_t digits_from = (v[0] == '-' || v[0] == '+') ? 1 : 0;
    bool numeric = v.size() > digits_from &&
                   v.find_first_not_of("0123456789", digits_from) == std::string::npos;
    if (!numeric) {
      return At(retries->range, fmt::format("strconv.ParseInt: parsing \"{}\": invalid syntax", v));
    }
    std::string_view magnitude = std::string_view(v).substr(digits_from);
    while (magnitude.size() > 1 && magnitude.front() == '0') magnitude.remove_prefix(1);
    bool in_range =
        magnitude.size() < 10 ||
        (magnitude.size() == 10 && magnitude <= (v[0] == '-' ? "2147483648" : "2147483647"));
    if (!in_range) {
      return At(retries->range,
                fmt::format("strconv.ParseInt: parsing \"{}\": value out of range", v));
    }
    if (v[0] == '-' && magnitude != "0") {
      return At(retries->range, fmt::format("--retries cannot be negative ({})", v));
    }
  }
  return std::nullopt;
}

// ENV and LABEL: key, value, separator triplets; a key may not be empty.
Result CheckKeyValues(const Instruction& inst, std::string_view name) {
  if (Result r = CheckFlags(inst, {})) return r;
  if (inst.args.empty()) {
    return At(inst.keyword_range, fmt::format("{} requires at least one argument", name));
  }
  for (std::size_t i = 0; i < inst.args.size(); i += 3) {
    if (inst.args[i].text.empty()) {
      return At(inst.args[i].range, fmt::format("{} names can not be blank", name));
    }
  }
  return std::nullopt;
}

Result ExactlyOne(const Instruction& inst, std::string_view name, bool parse_flags) {
  if (inst.args.size() != 1) {
    return At(ExtraOrKeyword(inst, 1), fmt::format("{} requires exactly one argument", name));
  }
  if (parse_flags) return CheckFlags(inst, {});
  return std::nullopt;
}

Result AtLeastOne(const Instruction& inst, std::string_view name) {
  if (inst.args.empty()) {
    return At(inst.keyword_range, fmt::format("{} requires at least one argument", name));
  }
  return CheckFlags(inst, {});
}

Result CheckFrom(const Instruction& inst) {
  const auto& args = inst.args;
  if (args.size() == 3 && Lower(args[1].text) == "as") {
    const std::string name = Lower(args[2].text);
    bool valid =
        !name.empty() && name[0] >= 'a' && name[0] <= 'z' &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
    if (!valid) {
      return At(args[2].range, fmt::format("invalid name for build stage: \"{}\", name can't "
                                           "start with a number or contain symbols",
                                           args[2].text));
    }
  } else if (args.size() != 1) {
    return At(ExtraOrKeyword(inst, 1), "FROM requires either one or three arguments");
  }
  return CheckFlags(inst, {{"platform", FlagType::kString}});
}

Result CheckOnbuild(const Instruction& inst) {
  if (!inst.child) return At(inst.keyword_range, "ONBUILD requires at least one argument");
  if (Result r = CheckFlags(inst, {})) return r;
  const Instruction& trigger = *inst.child;
  if (trigger.keyword == "onbuild") {
    return At(trigger.keyword_range, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  }
  if (trigger.keyword == "maintainer" || trigger.keyword == "from") {
    return At(trigger.keyword_range,
              fmt::format("{} isn't allowed as an ONBUILD trigger", Upper(trigger.keyword)));
  }
  return std::nullopt;
}

Result CheckArg(const Instruction& inst) {
  if (inst.args.empty()) return At(inst.keyword_range, "ARG requires at least one argument");
  for (const Word& word : inst.args) {
    if (word.text.starts_with("=")) return At(word.range, "ARG names can not be blank");
  }
  return std::nullopt;
}

Result CheckVolume(const Instruction& inst) {
  if (Result r = AtLeastOne(inst, "VOLUME")) return r;
  for (const Word& word : inst.args) {
    if (word.text.find_first_not_of(" \t\r\n\v\f") == std::string::npos) {
      return At(word.range, "VOLUME specified can not be an empty string");
    }
  }
  return std::nullopt;
}

Result CheckShell(const Instruction& inst) {
  if (Result r = CheckFlags(inst, {})) return r;
  if (inst.args.empty() || (!inst.json_form && inst.args[0].text.empty())) {
    return At(inst.keyword_range, "SHELL requires at least one argument");
  }
  if (!inst.json_form) {
    return At(inst.args[0].range, "SHELL requires the arguments to be in JSON form");
  }
  return std::nullopt;
}

bool IsKnownInstruction(std::string_view keyword) {
  static constexpr std::string_view kKnown[] = {
      "add",    "arg",   "cmd",         "copy",  "entrypoint", "env",
      "expose", "from",  "healthcheck", "label", "maintainer", "onbuild",
      "run",    "shell", "stopsignal",  "user",  "volume",     "workdir"};
  for (std::string_view known : kKnown) {
    if (known == keyword) return true;
  }
  return false;
}

Result CheckOne(const Instruction& inst) {
  const std::string& k = inst.keyword;
  if (k == "env") return CheckKeyValues(inst, "ENV");
  if (k == "label") return CheckKeyValues(inst, "LABEL");
  if (k == "maintainer") return ExactlyOne(inst, "MAINTAINER", true);
  if (k == "workdir") return ExactlyOne(inst, "WORKDIR", true);
  if (k == "user") return ExactlyOne(inst, "USER", true);
  if (k == "stopsignal") return ExactlyOne(inst, "STOPSIGNAL", false);
  if (k == "expose") return AtLeastOne(inst, "EXPOSE");
  if (k == "volume") return CheckVolume(inst);
  if (k == "arg") return CheckArg(inst);
  if (k == "shell") return CheckShell(inst);
  if (k == "from") return CheckFrom(inst);
  if (k == "onbuild") return CheckOnbuild(inst);
  if (k == "healthcheck") return CheckHealthcheck(inst);
  if (k == "cmd" || k == "entrypoint") return CheckFlags(inst, {});
  if (k == "run") {
    if (Result r = CheckFlags(inst, {{"mount", FlagType::kStrings},
                                     {"network", FlagType::kString},
                                     {"security", FlagType::kString}})) {
      return r;
    }
    return CheckRunFlags(inst);
  }
  if (k == "copy") {
    return CheckSourcesAndDest(inst, "COPY",
                               {{"chown", FlagType::kString},
                                {"from", FlagType::kString},
                                {"chmod", FlagType::kString},
                                {"link", FlagType::kBool},
                                {"parents", FlagType::kBool},
                                {"exclude", FlagType::kStrings}});
  }
  if (k == "add") {
    return CheckSourcesAndDest(inst, "ADD",
                               {{"chown", FlagType::kString},
                                {"chmod", FlagType::kString},
                                {"link", FlagType::kBool},
                                {"keep-git-dir", FlagType::kBool},
                                {"checksum", FlagType::kString},
                                {"unpack", FlagType::kBool},
                                {"exclude", FlagType::kStrings}});
  }
  return std::nullopt;
}

}  // namespace

std::vector<InstructionError> CheckInstructions(const Dockerfile& file) {
  std::vector<InstructionError> errors;
  bool seen_from = false;
  for (std::size_t i = 0; i < file.instructions.size(); ++i) {
    const Instruction& inst = file.instructions[i];
    const Instruction* named = &inst;
    if (inst.keyword == "onbuild" && inst.child) named = inst.child.get();
    Result error;
    if (!IsKnownInstruction(named->keyword)) {
      error =
          At(named->keyword_range, fmt::format("unknown instruction: {}", Upper(named->keyword)));
    } else {
      error = CheckOne(inst);
    }
    if (inst.keyword == "from") seen_from = true;
    if (!error && !seen_from && inst.keyword != "arg") {
      error = At(inst.keyword_range,
                 fmt::format("{} cannot come before the first FROM: only ARG may precede it",
                             Upper(inst.keyword)));
    }
    if (error) errors.push_back(InstructionError{i, std::move(*error)});
  }
  return errors;
}

}  // namespace pf::dockerfile
