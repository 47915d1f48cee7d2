// JSON report in the upstream layout (see reference/cli.md), keys in a
// fixed order so the output is byte-for-byte stable.
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/excerpt.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

using Json = nlohmann::ordered_json;

Json Snippet(const ScanResult& result, const Finding& f) {
  auto it = result.sources.find(f.file);
  if (it == result.sources.end() || !it->second) return nullptr;
  Excerpt e = MakeExcerpt(*it->second, f.range.start.line);
  Json lines = Json::array();
  for (const std::string& line : e.lines) lines.push_back(line);
  return Json{{"start_line", e.start_line}, {"end_line", e.end_line}, {"lines", lines}};
}

Json Result(const ScanResult& result, const Finding& f) {
  Json location = {{"file", f.file},
                   {"line", f.range.start.line},
                   {"column", f.range.start.column},
                   {"end_line", f.range.end.line},
                   {"end_column", f.range.end.column}};
  Json snippet = Snippet(result, f);
  if (!snippet.is_null()) location["snippet"] = std::move(snippet);
  Json metadata = {{"cwe", f.cwe}};
  if (!f.service.empty()) metadata["service"] = f.service;
  return Json{{"rule_id", f.rule_id},
              {"rule_name", f.rule_name},
              {"message", f.message},
              {"severity", SeverityName(f.severity)},
              {"confidence", "high"},
              {"location", std::move(location)},
              {"detection", {{"type", "pattern"}, {"confidence_score", 1}}},
              {"metadata", std::move(metadata)},
              {"fingerprint", f.fingerprint}};
}

}  // namespace

void WriteJson(const ScanResult& result, const ReportOptions& /*options*/, std::ostream& out) {
  Json by_severity = Json::object();
  for (Severity s : kAllSeverities) by_severity[std::string(SeverityName(s))] = 0;
  Json results = Json::array();
  for (const Finding& f : result.findings) {
    results.push_back(Result(result, f));
    auto& count = by_severity[std::string(SeverityName(f.severity))];
    count = count.get<int>() + 1;
  }
  Json errors = Json::array();
  for (const ScanError& e : result.errors) {
    errors.push_back(Json{{"file", e.file}, {"message", e.message}});
  }
  // Milliseconds are enough and keep the number short.
  double duration = std::round(result.duration_seconds * 1000.0) / 1000.0;
  Json doc = {
      {"tool", {{"name", kToolName}, {"version", kToolVersion}, {"url", kToolUrl}}},
      {"scan",
       {{"target", result.target},
        {"timestamp", result.timestamp},
        {"duration", duration},
        {"rules_executed", result.rules_executed},
        {"files_scanned", result.files_scanned}}},
      {"results", std::move(results)},
      {"summary",
       {{"total", result.findings.size()},
        {"by_severity", std::move(by_severity)},
        {"by_detection_type", {{"pattern", result.findings.size()}}}}},
      {"errors", std::move(errors)},
  };
  // Invalid UTF-8 from a scanned file is replaced rather than thrown on.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace pf::report
