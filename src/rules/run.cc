#include "rules/run.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <variant>

#include "dockerfile/parser.h"

namespace pf::rules {

namespace {

constexpr std::string_view kSyntaxErrorId = "DOCKER-COR-100";
constexpr std::string_view kComposeLoadErrorId = "COMPOSE-COR-100";

// Instructions BuildKit's dispatcher knows; the parser alone accepts any word.
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

std::string UpperCase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// What BuildKit rejects after parsing: unknown instructions and instructions
// other than ARG before the first FROM.
std::optional<dockerfile::ParseError> ValidateInstructions(const dockerfile::Dockerfile& file) {
  bool seen_from = false;
  for (const auto& inst : file.instructions) {
    const dockerfile::Instruction* checked = &inst;
    if (inst.keyword == "onbuild" && inst.child) checked = inst.child.get();
    if (!IsKnownInstruction(checked->keyword)) {
      return dockerfile::ParseError{
          fmt::format("unknown instruction: {}", UpperCase(checked->keyword)),
          checked->keyword_range};
    }
    if (inst.keyword == "from") seen_from = true;
    if (!seen_from && inst.keyword != "arg") {
      return dockerfile::ParseError{
          fmt::format("{} cannot come before the first FROM: only ARG may precede it",
                      UpperCase(inst.keyword)),
          inst.keyword_range};
    }
  }
  return std::nullopt;
}

void ReportParseError(const SourceFile& source, const std::vector<const Rule*>& rules,
                      const dockerfile::ParseError& error, std::vector<Finding>* findings) {
  for (const Rule* rule : rules) {
    if (rule->meta.id != kSyntaxErrorId) continue;
    Emitter emitter(rule->meta, source, *findings);
    emitter.Report(error.range, error.message, error.message);
  }
}

// Runs one check with the rule's options (configured, else the declared
// defaults), turning an exception into an entry of `errors`.
template <typename Context, typename CheckFn>
void RunGuarded(const SourceFile& source, const Rule& rule, CheckFn check, Context& context,
                std::vector<Finding>* findings, std::vector<std::string>* errors) {
  std::vector<Finding> found;
  Emitter emitter(rule.meta, source, found);
  RuleOptions defaults;
  if (rule.options == nullptr) defaults = DefaultOptions(rule.meta.options);
  context.options = rule.options != nullptr ? rule.options : &defaults;
  std::string failure;
  try {
    check(context, emitter);
  } catch (const std::exception& e) {
    failure = fmt::format("{}: rule {} failed: {}", source.path(), rule.meta.id, e.what());
  } catch (...) {
    failure = fmt::format("{}: rule {} failed", source.path(), rule.meta.id);
  }
  context.options = nullptr;  // `defaults` ends here
  if (!failure.empty()) {
    errors->push_back(std::move(failure));
    return;
  }
  for (auto& f : found) findings->push_back(std::move(f));
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

// A load error as a finding of the scanned file. An error inside another
// file is placed on the `include`/`extends` reference that led there (the
// first line for a .env file) and names that file and position.
void ReportLoadError(const SourceFile& source, const std::vector<const Rule*>& rules,
                     const compose::LoadError& error, std::vector<Finding>* findings) {
  const bool here = error.file.empty() || SameFile(error.file, source.path());
  Position at{1, 1};
  if (here && error.position.line > 0) at = error.position;
  if (!here && error.origin.line > 0) at = error.origin;
  // "End of input" errors point past the last line: show the last line
  // that has text instead.
  if (at.line > source.line_count() ||
      (at.line == source.line_count() && source.Line(at.line).empty())) {
    int line = std::min(at.line, source.line_count());
    while (line > 1 && source.Line(line).empty()) --line;
    at = Position{line, CodePointCount(source.Line(line)) + 1};
  }
  std::string message = error.message;
  // Name the other file relative to the scanned one, as the user wrote it.
  std::string other = std::filesystem::path(error.file)
                          .lexically_relative(std::filesystem::path(source.path()).parent_path())
                          .string();
  if (other.empty() || other.starts_with("..")) other = error.file;
  if (!here) {
    message = error.position.line > 0 ? fmt::format("{}:{}:{}: {}", other, error.position.line,
                                                    error.position.column, error.message)
                                      : fmt::format("{}: {}", other, error.message);
  }
  for (const Rule* rule : rules) {
    if (rule->meta.id != kComposeLoadErrorId) continue;
    Emitter emitter(rule->meta, source, *findings);
    emitter.Report(Range{at, Position{at.line, at.column + 1}}, message, error.message);
  }
}

}  // namespace

void RunComposeChecks(const SourceFile& source, const compose::Project& project,
                      const std::vector<const Rule*>& rules, std::vector<Finding>* findings,
                      std::vector<std::string>* errors) {
  ComposeContext context{source, project, nullptr};
  for (const Rule* rule : rules) {
    if (rule->compose == nullptr) continue;
    RunGuarded(source, *rule, rule->compose, context, findings, errors);
  }
}

void RunComposeRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                     const compose::LoadOptions& options, std::vector<Finding>* findings,
                     std::vector<std::string>* errors, std::optional<compose::Project>* project) {
  compose::LoadResult loaded = compose::Load(source, options);
  if (!loaded.ok()) {
    ReportLoadError(source, rules, loaded.error, findings);
    if (project != nullptr) project->reset();
    return;
  }
  RunComposeChecks(source, *loaded.project, rules, findings, errors);
  if (project != nullptr) *project = std::move(loaded.project);
}

void RunComposeRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                     const compose::LoadOptions& options, std::vector<Finding>* findings,
                     std::vector<std::string>* errors) {
  RunComposeRules(source, rules, options, findings, errors, nullptr);
}

void RunDockerRules(const SourceFile& source, const std::vector<const Rule*>& rules,
                    const dockerfile::BuildArgs& build_args, std::vector<Finding>* findings,
                    std::vector<std::string>* errors) {
  auto parsed = dockerfile::Parse(source);
  if (auto* error = std::get_if<dockerfile::ParseError>(&parsed)) {
    ReportParseError(source, rules, *error, findings);
    return;
  }
  const auto& file = std::get<dockerfile::Dockerfile>(parsed);
  // The tree is sound even when BuildKit would refuse an instruction in it,
  // so the other rules still run.
  if (auto error = ValidateInstructions(file)) ReportParseError(source, rules, *error, findings);
  const dockerfile::Model model = dockerfile::Model::Build(file, build_args);
  DockerContext context(source, file, model);
  for (const Rule* rule : rules) {
    if (rule->docker == nullptr) continue;
    RunGuarded(source, *rule, rule->docker, context, findings, errors);
  }
}

}  // namespace pf::rules
