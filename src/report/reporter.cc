#include "report/reporter.h"

#include <map>
#include <string>

namespace pf::report {

const std::vector<Reporter>& AllReporters() {
  // One format a line, so adding one is a one-line change.
  // clang-format off
  static const std::vector<Reporter> kReporters = {
      {"text", &MakeTextSink, ".txt"},
      {"json", &MakeJsonSink, ".json"},
      {"sarif", &MakeSarifSink, ".sarif"},
      {"csv", &MakeCsvSink, ".csv"},
      {"github", &MakeGithubSink, ""},
      {"gitlab", &MakeGitlabSink, ""},
      {"checkstyle", &MakeCheckstyleSink, ""},
      {"junit", &MakeJunitSink, ""},
      {"sonarqube", &MakeSonarqubeSink, ""},
      {"gnu", &MakeGnuSink, ""},
  };
  // clang-format on
  return kReporters;
}

const Reporter* FindReporter(std::string_view name) {
  for (const Reporter& r : AllReporters()) {
    if (r.name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == r.name[i];
    }
    if (same) return &r;
  }
  return nullptr;
}

void CountFindings(const FileReport& file, Summary& summary) {
  for (const Finding& f : file.findings) {
    if (f.suppression) {
      if (f.suppression->kind == Suppression::Kind::kExternal) {
        ++summary.suppressed_baseline;
      } else {
        ++summary.suppressed_inline;
      }
      continue;
    }
    ++summary.total;
    ++summary.by_severity[static_cast<std::size_t>(f.severity)];
  }
}

void TallySink::End(Summary& summary) {
  summary.total = counts_.total;
  summary.by_severity = counts_.by_severity;
  summary.suppressed_inline = counts_.suppressed_inline;
  summary.suppressed_baseline = counts_.suppressed_baseline;
  next().End(summary);
}

void Replay(const ScanResult& result, const std::vector<const rules::Rule*>& rules,
            ReportSink& sink) {
  TallySink tally(sink);
  RunInfo info;
  info.target = result.target;
  info.timestamp = result.timestamp;
  info.rules = rules;
  tally.Begin(info);
  // Findings are sorted by file, so each file's findings are one run.
  auto it = result.findings.begin();
  while (it != result.findings.end()) {
    FileReport file;
    file.display = it->file;
    file.scanned = true;
    auto source = result.sources.find(it->file);
    if (source != result.sources.end()) file.source = source->second;
    while (it != result.findings.end() && it->file == file.display) file.findings.push_back(*it++);
    tally.File(file);
  }
  Summary summary;
  summary.files_scanned = result.files_scanned;
  summary.rules_executed = result.rules_executed;
  summary.duration_seconds = result.duration_seconds;
  summary.errors = result.errors;
  tally.End(summary);
}

void Write(const Reporter& reporter, const ScanResult& result,
           const std::vector<const rules::Rule*>& rules, const ReportOptions& options,
           std::ostream& out) {
  std::unique_ptr<ReportSink> sink = reporter.make(out, options);
  Replay(result, rules, *sink);
}

}  // namespace pf::report
