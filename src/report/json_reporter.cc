// JSON report in the upstream layout (see reference/cli.md), written as
// files arrive: each result is serialised on its own and the document's
// frame is written by hand, so memory does not grow with the findings.
// "scan" follows "results" because its duration and file count are known
// only at the end.
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/excerpt.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

using Json = nlohmann::ordered_json;

// Pretty-prints `value` as a member of something nested `depth` levels.
void WriteNested(std::ostream& out, const Json& value, int depth) {
  std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  for (char c : text) {
    out << c;
    if (c == '\n') out << pad;
  }
}

Json Snippet(const SourceFile* source, const Finding& f) {
  if (source == nullptr) return nullptr;
  Excerpt e = MakeExcerpt(*source, f.range.start.line);
  Json lines = Json::array();
  for (const std::string& line : e.lines) lines.push_back(line);
  return Json{{"start_line", e.start_line}, {"end_line", e.end_line}, {"lines", lines}};
}

std::string_view SuppressionKind(const Suppression& s) {
  return s.kind == Suppression::Kind::kExternal ? "external" : "inSource";
}

Json Result(const SourceFile* source, const Finding& f) {
  Json location = {{"file", f.file},
                   {"line", f.range.start.line},
                   {"column", f.range.start.column},
                   {"end_line", f.range.end.line},
                   {"end_column", f.range.end.column}};
  Json snippet = Snippet(source, f);
  if (!snippet.is_null()) location["snippet"] = std::move(snippet);
  Json metadata = {{"cwe", f.cwe}};
  if (!f.service.empty()) metadata["service"] = f.service;
  Json result = {{"rule_id", f.rule_id},
                 {"rule_name", f.rule_name},
                 {"message", f.message},
                 {"severity", SeverityName(f.severity)},
                 {"confidence", "high"},
                 {"location", std::move(location)},
                 {"detection", {{"type", "pattern"}, {"confidence_score", 1}}},
                 {"metadata", std::move(metadata)},
                 {"fingerprint", f.fingerprint}};
  if (f.suppression) {
    result["suppressed"] = {{"kind", SuppressionKind(*f.suppression)},
                            {"origin", f.suppression->origin},
                            {"justification", f.suppression->justification}};
  }
  return result;
}

class JsonSink : public ReportSink {
 public:
  explicit JsonSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& info) override {
    info_ = info;
    out_ << "{\n  \"tool\": ";
    WriteNested(out_, Json{{"name", kToolName}, {"version", kToolVersion}, {"url", kToolUrl}}, 1);
    out_ << ",\n  \"results\": [";
  }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      out_ << (first_ ? "\n    " : ",\n    ");
      first_ = false;
      WriteNested(out_, Result(file.source.get(), f), 2);
    }
  }

  void End(Summary& s) override {
    out_ << (first_ ? "],\n" : "\n  ],\n");
    // Milliseconds are enough and keep the number short.
    double duration = std::round(s.duration_seconds * 1000.0) / 1000.0;
    out_ << "  \"scan\": ";
    WriteNested(out_,
                Json{{"target", info_.target},
                     {"timestamp", info_.timestamp},
                     {"duration", duration},
                     {"rules_executed", s.rules_executed},
                     {"files_scanned", s.files_scanned}},
                1);
    Json by_severity = Json::object();
    for (Severity sev : kAllSeverities) {
      by_severity[std::string(SeverityName(sev))] = s.by_severity[static_cast<std::size_t>(sev)];
    }
    Json unused = Json::array();
    for (const UnusedSuppression& u : s.unused_suppressions) {
      unused.push_back(
          {{"file", u.file}, {"line", u.line}, {"column", u.column}, {"rule_id", u.rule_id}});
    }
    out_ << ",\n  \"summary\": ";
    WriteNested(
        out_,
        Json{{"total", s.total},
             {"by_severity", std::move(by_severity)},
             {"by_detection_type", {{"pattern", s.total}}},
             {"suppressed", {{"inline", s.suppressed_inline}, {"baseline", s.suppressed_baseline}}},
             {"baseline_unmatched", s.baseline_unmatched},
             {"unused_suppressions", std::move(unused)}},
        1);
    Json errors = Json::array();
    for (const ScanError& e : s.errors) {
      errors.push_back(Json{{"file", e.file}, {"message", e.message}});
    }
    out_ << ",\n  \"errors\": ";
    WriteNested(out_, errors, 1);
    out_ << "\n}\n";
  }

 private:
  std::ostream& out_;
  RunInfo info_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportSink> MakeJsonSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<JsonSink>(out);
}

}  // namespace pf::report
