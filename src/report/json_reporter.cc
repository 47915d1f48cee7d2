// JSON report in the upstream layout (see reference/cli.md), written as
// files arrive: each result is serialised on its own and the document's
// frame is written by hand, so memory does not grow with the findings.
// "scan" follows "results" because its duration and file count are known
// only at the end.
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/excerpt.h"
#include "report/json_stream.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

using Json = nlohmann::ordered_json;

void WriteNested(std::ostream& out, const Json& value, int depth) {
  WriteJsonNested(out, value, depth);
}

std::string_view SuppressionKind(const Suppression& s) {
  return s.kind == Suppression::Kind::kExternal ? "external" : "inSource";
}

// One result, written straight into `buf` (the hot path: one per finding).
void WriteResult(std::string& buf, const SourceFile* source, const Finding& f, int depth) {
  JsonWriter w(buf, depth);
  w.BeginObject();
  w.Key("rule_id");
  w.String(f.rule_id);
  w.Key("rule_name");
  w.String(f.rule_name);
  w.Key("message");
  w.String(f.message);
  w.Key("severity");
  w.String(SeverityName(f.severity));
  w.Key("confidence");
  w.String("high");
  w.Key("location");
  w.BeginObject();
  w.Key("file");
  w.String(f.file);
  w.Key("line");
  w.Int(f.range.start.line);
  w.Key("column");
  w.Int(f.range.start.column);
  w.Key("end_line");
  w.Int(f.range.end.line);
  w.Key("end_column");
  w.Int(f.range.end.column);
  if (source != nullptr) {
    Excerpt e = MakeExcerpt(*source, f.range.start.line);
    w.Key("snippet");
    w.BeginObject();
    w.Key("start_line");
    w.Int(e.start_line);
    w.Key("end_line");
    w.Int(e.end_line);
    w.Key("lines");
    w.BeginArray();
    for (const std::string& line : e.lines) w.String(line);
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  w.Key("detection");
  w.BeginObject();
  w.Key("type");
  w.String("pattern");
  w.Key("confidence_score");
  w.Int(1);
  w.EndObject();
  w.Key("metadata");
  w.BeginObject();
  w.Key("cwe");
  w.BeginArray();
  for (const std::string& c : f.cwe) w.String(c);
  w.EndArray();
  if (!f.service.empty()) {
    w.Key("service");
    w.String(f.service);
  }
  w.EndObject();
  w.Key("fingerprint");
  w.String(f.fingerprint);
  if (f.suppression) {
    w.Key("suppressed");
    w.BeginObject();
    w.Key("kind");
    w.String(SuppressionKind(*f.suppression));
    w.Key("origin");
    w.String(f.suppression->origin);
    w.Key("justification");
    w.String(f.suppression->justification);
    w.EndObject();
  }
  w.EndObject();
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
    if (file.findings.empty()) return;
    buf_.clear();
    for (const Finding& f : file.findings) {
      buf_ += first_ ? "\n    " : ",\n    ";
      first_ = false;
      WriteResult(buf_, file.source.get(), f, 2);
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
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
  std::string buf_;  // one file's results, reused
};

}  // namespace

std::unique_ptr<ReportSink> MakeJsonSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<JsonSink>(out);
}

}  // namespace pf::report
