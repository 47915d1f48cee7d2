// CSV in the upstream 19-column layout (reference/cli.md), RFC 4180: a
// field is quoted when it holds a comma, a double quote, CR or LF, quotes
// inside are doubled, and every record ends in CRLF. One row per reported
// finding, written as its file arrives. Suppressed findings are left out:
// a spreadsheet of what to fix should not list what was already accepted,
// and the format has no column to mark them. Columns about data flow
// (function, source_*, sink_*, tainted_var) stay empty: these rules match
// instructions, not flows.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace pf::report {

namespace {

constexpr std::string_view kHeader =
    "severity,confidence,rule_id,rule_name,cwe,owasp,file,line,column,function,message,"
    "detection_type,detection_scope,source_file,source_line,sink_file,sink_line,tainted_var,"
    "sink_call";

std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

class CsvSink : public ReportSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& /*info*/) override { out_ << kHeader << "\r\n"; }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      out_ << fmt::format("{},high,{},{},{},,{},{},{},,{},pattern,file,,,,,,\r\n",
                          SeverityName(f.severity), Field(f.rule_id), Field(f.rule_name),
                          Field(fmt::format("{}", fmt::join(f.cwe, ";"))), Field(f.file),
                          f.range.start.line, f.range.start.column, Field(f.message));
    }
  }

  void End(Summary& /*summary*/) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeCsvSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<CsvSink>(out);
}

}  // namespace pf::report
