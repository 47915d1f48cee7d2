#include "rules/run.h"

#include <exception>
#include <variant>

#include <fmt/format.h>

#include "dockerfile/parser.h"

namespace pf::rules {

namespace {

constexpr std::string_view kSyntaxErrorId = "DOCKER-COR-100";

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
  const dockerfile::Model model = dockerfile::Model::Build(file, build_args);
  DockerContext context{source, file, model};
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
