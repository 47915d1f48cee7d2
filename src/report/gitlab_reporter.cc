// GitLab code quality report: a JSON array of Code Climate issues, one per
// reported finding, written as files arrive. GitLab needs description,
// check_name, fingerprint (unique: GitLab tells new findings from old ones
// by it), severity and location.path + location.lines.begin; paths are
// relative to the repository root. Severities map one to one onto GitLab's
// five: critical -> blocker, high -> critical, medium -> major,
// low -> minor, info -> info. Suppressed findings are left out.
#include <map>
#include <string>
#include <string_view>

#include "report/json_stream.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

std::string_view GitlabSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "blocker";
    case Severity::kHigh:
      return "critical";
    case Severity::kMedium:
      return "major";
    case Severity::kLow:
      return "minor";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

class GitlabSink : public ReportSink {
 public:
  explicit GitlabSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& info) override {
    prefix_ = info.repo_prefix;
    for (const rules::Rule* rule : info.rules) rules_.emplace(rule->meta.id, &rule->meta);
    out_ << "[";
  }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      std::string path = f.file.starts_with('/') ? f.file : prefix_ + f.file;
      int end_line = f.range.end.line >= f.range.start.line ? f.range.end.line : f.range.start.line;
      OrderedJson issue = {
          {"type", "issue"},
          {"check_name", f.rule_id},
          {"description", f.rule_name + ": " + f.message},
          {"categories", OrderedJson::array({CodeClimateCategory(f.rule_id)})},
          {"severity", GitlabSeverity(f.severity)},
          {"fingerprint", f.fingerprint},
          {"location",
           {{"path", path}, {"lines", {{"begin", f.range.start.line}, {"end", end_line}}}}},
      };
      out_ << (first_ ? "\n  " : ",\n  ");
      first_ = false;
      WriteJsonNested(out_, issue, 1);
    }
  }

  void End(Summary& /*summary*/) override { out_ << (first_ ? "]\n" : "\n]\n"); }

 private:
  // Code Climate's category for a rule; "Style" for rules outside the
  // run's catalogue (ShellCheck's).
  std::string_view CodeClimateCategory(const std::string& rule_id) const {
    auto it = rules_.find(rule_id);
    if (it == rules_.end()) return "Style";
    const rules::RuleMeta& m = *it->second;
    if (m.category == "security" || m.category == "audit") return "Security";
    if (m.category == "correctness") return "Bug Risk";
    if (m.bundle == "performance") return "Performance";
    return "Style";
  }

  std::ostream& out_;
  std::string prefix_;
  std::map<std::string, const rules::RuleMeta*, std::less<>> rules_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportSink> MakeGitlabSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<GitlabSink>(out);
}

}  // namespace pf::report
