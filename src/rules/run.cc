#include "rules/run.h"

#include <exception>
#include <optional>
#include <variant>

#include <fmt/format.h>

#include "dockerfile/parser.h"

namespace pf::rules {

namespace {

constexpr std::string_view kSyntaxErrorId = "DOCKER-COR-100";

// Instructions BuildKit's dispatcher knows; the parser alone accepts any word.
bool IsKnownInstruction(std::string_view keyword) {
  static constexpr std::string_view kKnown[] = {
      "add",     "arg",        "cmd",   "copy",        "entrypoint", "env",
      "expose",  "from",       "healthcheck", "label",  "maintainer", "onbuild",
      "run",     "shell",      "stopsignal",  "user",   "volume",     "workdir"};
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

}  // namespace

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
    std::vector<Finding> found;
    Emitter emitter(rule->meta, source, found);
    try {
      rule->docker(context, emitter);
    } catch (const std::exception& e) {
      errors->push_back(fmt::format("{}: rule {} failed: {}", source.path(), rule->meta.id, e.what()));
      continue;
    } catch (...) {
      errors->push_back(fmt::format("{}: rule {} failed", source.path(), rule->meta.id));
      continue;
    }
    for (auto& f : found) findings->push_back(std::move(f));
  }
}

}  // namespace pf::rules
