#include "rules/run.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <variant>

#include "dockerfile/parser.h"
#include "dockerfile/validate.h"

namespace pf::rules {

namespace {

constexpr std::string_view kSyntaxErrorId = "DOCKER-COR-100";
constexpr std::string_view kComposeLoadErrorId = "COMPOSE-COR-100";

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

// DOCKER-BP-001 (latest tag) and DOCKER-BP-015 (no version) judge the same
// FROM word; when both are enabled the stricter BP-015 speaks for it.
void DropOverlappingTagFindings(std::size_t first, std::vector<Finding>* findings) {
  constexpr std::string_view kLatest = "DOCKER-BP-001";
  constexpr std::string_view kNoVersion = "DOCKER-BP-015";
  auto begin = findings->begin() + static_cast<std::ptrdiff_t>(first);
  std::vector<Range> no_version;
  for (auto it = begin; it != findings->end(); ++it) {
    if (it->rule_id == kNoVersion) no_version.push_back(it->range);
  }
  auto covered = [&](const Finding& f) {
    return f.rule_id == kLatest &&
           std::find(no_version.begin(), no_version.end(), f.range) != no_version.end();
  };
  findings->erase(std::remove_if(begin, findings->end(), covered), findings->end());
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
  auto& file = std::get<dockerfile::Dockerfile>(parsed);
  // The tree is sound even when BuildKit would refuse an instruction in it:
  // the refused instructions are reported and taken out, and the other
  // rules still run on the rest.
  std::vector<dockerfile::InstructionError> refused = dockerfile::CheckInstructions(file);
  dockerfile::DropRejected(refused, &file);
  {
    const dockerfile::Model first = dockerfile::Model::Build(file, build_args);
    std::vector<dockerfile::InstructionError> dispatch = dockerfile::CheckDispatch(file, first);
    dockerfile::DropRejected(dispatch, &file);
    refused.insert(refused.end(), dispatch.begin(), dispatch.end());
  }
  std::stable_sort(refused.begin(), refused.end(), [](const auto& a, const auto& b) {
    return a.error.range.start.line < b.error.range.start.line;
  });
  // Many unknown instructions mean a template or another format: the first
  // one says so.
  bool unknown_reported = false;
  for (const auto& e : refused) {
    const bool unknown = e.error.message.starts_with("unknown instruction:");
    if (unknown && unknown_reported) continue;
    unknown_reported = unknown_reported || unknown;
    ReportParseError(source, rules, e.error, findings);
  }
  const dockerfile::Model model = dockerfile::Model::Build(file, build_args);
  DockerContext context(source, file, model);
  const std::size_t first_new = findings->size();
  for (const Rule* rule : rules) {
    if (rule->docker == nullptr) continue;
    RunGuarded(source, *rule, rule->docker, context, findings, errors);
  }
  DropOverlappingTagFindings(first_new, findings);
}

}  // namespace pf::rules
