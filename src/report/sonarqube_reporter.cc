// SonarQube generic issue import (sonar.externalIssuesReportPaths), in the
// format SonarQube documents since 10.3: {"issues": [...], "rules": [...]}
// where each issue names its rule by id and the rule carries the engine,
// clean code attribute and impacts. Issues are written as files arrive;
// "rules" comes last (member order does not matter to the importer) and
// holds only the rules that raised an issue, ShellCheck's included.
// Mapping:
//   category security/audit -> SECURITY, TRUSTWORTHY, VULNERABILITY
//   category correctness    -> RELIABILITY, LOGICAL, BUG
//   bundle performance      -> MAINTAINABILITY, EFFICIENT, CODE_SMELL
//   anything else           -> MAINTAINABILITY, CONVENTIONAL, CODE_SMELL
//   impact severity: critical/high HIGH, medium MEDIUM, low/info LOW (the
//   values every version since 10.3 accepts); the older severity field:
//   BLOCKER, CRITICAL, MAJOR, MINOR, INFO.
// Columns are 0-based here. Suppressed findings are left out.
#include <map>
#include <string>
#include <string_view>

#include "report/json_stream.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

constexpr std::string_view kEngine = "pathfinder";

std::string_view ImpactSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh:
      return "HIGH";
    case Severity::kMedium:
      return "MEDIUM";
    case Severity::kLow:
    case Severity::kInfo:
      return "LOW";
  }
  return "LOW";
}

std::string_view IssueSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "BLOCKER";
    case Severity::kHigh:
      return "CRITICAL";
    case Severity::kMedium:
      return "MAJOR";
    case Severity::kLow:
      return "MINOR";
    case Severity::kInfo:
      return "INFO";
  }
  return "INFO";
}

struct SonarKind {
  std::string_view quality;
  std::string_view attribute;
  std::string_view type;
};

SonarKind KindOf(std::string_view category, std::string_view bundle) {
  if (category == "security" || category == "audit") {
    return {"SECURITY", "TRUSTWORTHY", "VULNERABILITY"};
  }
  if (category == "correctness") return {"RELIABILITY", "LOGICAL", "BUG"};
  if (bundle == "performance") return {"MAINTAINABILITY", "EFFICIENT", "CODE_SMELL"};
  return {"MAINTAINABILITY", "CONVENTIONAL", "CODE_SMELL"};
}

OrderedJson RuleObject(std::string_view id, std::string_view name, std::string_view description,
                       Severity severity, SonarKind kind) {
  OrderedJson impact = {{"softwareQuality", kind.quality}, {"severity", ImpactSeverity(severity)}};
  return {{"id", id},
          {"name", name},
          {"description", description.empty() ? name : description},
          {"engineId", kEngine},
          {"cleanCodeAttribute", kind.attribute},
          {"type", kind.type},
          {"severity", IssueSeverity(severity)},
          {"impacts", OrderedJson::array({std::move(impact)})}};
}

OrderedJson TextRange(const Range& r) {
  OrderedJson range = {{"startLine", std::max(r.start.line, 1)}};
  bool has_end =
      r.end.line > r.start.line || (r.end.line == r.start.line && r.end.column >= r.start.column);
  if (has_end) range["endLine"] = r.end.line;
  if (r.start.column >= 1 && has_end && r.end.column >= 1) {
    range["startColumn"] = r.start.column - 1;
    range["endColumn"] = r.end.column - 1;
  }
  return range;
}

class SonarqubeSink : public ReportSink {
 public:
  explicit SonarqubeSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& info) override {
    prefix_ = info.repo_prefix;
    for (const rules::Rule* rule : info.rules) catalogue_.emplace(rule->meta.id, &rule->meta);
    out_ << "{\n  \"issues\": [";
  }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      Remember(f);
      std::string path = f.file.starts_with('/') ? f.file : prefix_ + f.file;
      OrderedJson issue = {
          {"ruleId", f.rule_id},
          {"primaryLocation",
           {{"message", f.message}, {"filePath", path}, {"textRange", TextRange(f.range)}}}};
      out_ << (first_ ? "\n    " : ",\n    ");
      first_ = false;
      WriteJsonNested(out_, issue, 2);
    }
  }

  void End(Summary& /*summary*/) override {
    out_ << (first_ ? "],\n" : "\n  ],\n");
    OrderedJson rules = OrderedJson::array();
    for (auto& [id, rule] : used_) rules.push_back(std::move(rule));
    out_ << "  \"rules\": ";
    WriteJsonNested(out_, rules, 1);
    out_ << "\n}\n";
  }

 private:
  // Keeps one rule object per rule id seen (bounded by the catalogue).
  void Remember(const Finding& f) {
    if (used_.count(f.rule_id) != 0) return;
    auto known = catalogue_.find(f.rule_id);
    if (known != catalogue_.end()) {
      const rules::RuleMeta& m = *known->second;
      used_.emplace(f.rule_id,
                    RuleObject(m.id, m.name, m.summary, m.severity, KindOf(m.category, m.bundle)));
    } else {
      used_.emplace(f.rule_id, RuleObject(f.rule_id, f.rule_name, {}, f.severity, KindOf({}, {})));
    }
  }

  std::ostream& out_;
  std::string prefix_;
  std::map<std::string, const rules::RuleMeta*, std::less<>> catalogue_;
  std::map<std::string, OrderedJson> used_;  // sorted by id: stable output
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportSink> MakeSonarqubeSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<SonarqubeSink>(out);
}

}  // namespace pf::report
