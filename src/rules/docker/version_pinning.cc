#include "rules/docker/version_pinning.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "rules/docker/package_managers.h"

namespace pf::rules::pin {

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Names of the variables `raw` refers to ($X, ${X...}).
std::vector<std::string> ReferencedNames(std::string_view raw) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i] != '$') continue;
    std::size_t start = raw[i + 1] == '{' ? i + 2 : i + 1;
    std::size_t end = start;
    while (end < raw.size() && IsNameChar(raw[end])) ++end;
    if (end > start) names.emplace_back(raw.substr(start, end - start));
  }
  return names;
}

// Variables the script itself sets: their value at the command is not the
// ARG/ENV value the model knows.
std::set<std::string> AssignedInScript(const RunScript& script) {
  std::set<std::string> names;
  for (const shell::SimpleCommand& c : script.parsed.commands) {
    for (const shell::Assignment& a : c.assignments) names.insert(a.name);
    std::string_view name = c.Name();
    if (name == "export" || name == "declare" || name == "local" || name == "readonly" ||
        name == "typeset" || name == "read") {
      for (const shell::ShellWord& w : c.Args()) {
        std::string_view v = w.value;
        std::size_t end = 0;
        while (end < v.size() && IsNameChar(v[end])) ++end;
        if (end > 0) names.emplace(v.substr(0, end));
      }
    }
  }
  return names;
}

void SplitFields(const shell::ShellWord* word, std::string_view value,
                 std::vector<PackageArg>& out) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    std::size_t start = i;
    while (i < value.size() && !std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    if (i > start) out.push_back(PackageArg{word, std::string(value.substr(start, i - start))});
  }
}

}  // namespace

std::vector<PackageArg> PackageArgs(const DockerContext& context, const RunScript& script,
                                    const shell::SimpleCommand& cmd, std::size_t skip) {
  std::vector<PackageArg> out;
  std::vector<const shell::ShellWord*> positionals = shell::Positionals(cmd);
  std::optional<std::set<std::string>> assigned;
  for (std::size_t i = skip; i < positionals.size(); ++i) {
    const shell::ShellWord* word = positionals[i];
    if (word->literal) {
      out.push_back(PackageArg{word, word->value});
      continue;
    }
    if (word->has_command_subst || word->has_glob) continue;
    if (!assigned) assigned = AssignedInScript(script);
    std::vector<std::string> names = ReferencedNames(word->raw);
    if (names.empty()) continue;  // `~` and the like
    bool local = std::any_of(names.begin(), names.end(),
                             [&](const std::string& n) { return assigned->count(n) > 0; });
    if (local) continue;
    std::optional<std::string> value = context.model.Resolve(*script.scope, word->raw);
    if (!value) continue;
    if (word->quoted) {
      out.push_back(PackageArg{word, *value});
    } else {
      SplitFields(word, *value, out);
    }
  }
  return out;
}

void ReportUnpinned(const DockerContext& context, Emitter& emitter, const PinSpec& spec) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [&](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const pkg::RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!spec.is_install(cmd)) return std::nullopt;
        if (spec.command_exempt != nullptr && spec.command_exempt(cmd)) return std::nullopt;
        for (const PackageArg& arg : PackageArgs(context, *at.script, cmd, spec.skip)) {
          if (arg.text.empty() || spec.is_pinned_or_not_package(arg.text)) continue;
          std::string text = pkg::CommandText(cmd);
          std::string hint(spec.pin_hint);
          for (std::size_t at_brace = hint.find("{}"); at_brace != std::string::npos;
               at_brace = hint.find("{}", at_brace + arg.text.size())) {
            hint.replace(at_brace, 2, arg.text);
          }
          return pkg::Offense{
              arg.word,
              fmt::format("`{}` of `{}` takes whatever version is current at build time; pin "
                          "it ({})",
                          text, arg.text, hint),
              arg.text};
        }
        return std::nullopt;
      });
}

bool LooksLikePath(std::string_view arg) {
  return arg.starts_with('/') || arg.starts_with("./") || arg.starts_with("../") ||
         arg.starts_with("~/") || arg == "." || arg == "..";
}

bool EndsWith(std::string_view arg, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view s) { return arg.ends_with(s); });
}

bool HasGlob(std::string_view arg) { return arg.find_first_of("*?[") != std::string_view::npos; }

}  // namespace pf::rules::pin

namespace pf::rules::pin {

bool RpmPinnedOrNotPackage(std::string_view arg) {
  if (LooksLikePath(arg) || EndsWith(arg, {".rpm"}) || HasGlob(arg) || arg.starts_with('@') ||
      arg.find_first_of("=<>:/") != std::string_view::npos) {
    return true;
  }
  for (std::size_t i = 0; i + 1 < arg.size(); ++i) {
    if (arg[i] == '-' && std::isdigit(static_cast<unsigned char>(arg[i + 1])) != 0) return true;
  }
  return false;
}

}  // namespace pf::rules::pin
