// Checkstyle XML, the layout linters share for CI plugins (Jenkins
// warnings, reviewdog): one <file> per scanned file, holding an <error> per
// reported finding with line, column, severity, message and the rule id as
// source. Each file is written when it arrives. Severities: critical and
// high are "error", medium "warning", low and info "info". Suppressed
// findings are left out; files that could not be scanned get one error
// without a line, as checkstyle reports a file it could not process.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "core/severity.h"
#include "report/reporter.h"
#include "report/xml.h"

namespace pf::report {

namespace {

class CheckstyleSink : public ReportSink {
 public:
  explicit CheckstyleSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& /*info*/) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void File(FileReport& file) override {
    if (!file.scanned) return;
    std::string errors;
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      errors += fmt::format(
          "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"{}\"/>\n",
          f.range.start.line, f.range.start.column, LevelWord(f.severity, "info"),
          XmlAttribute(f.message), XmlAttribute(f.rule_id));
    }
    if (errors.empty()) {
      out_ << fmt::format("  <file name=\"{}\"/>\n", XmlAttribute(file.display));
    } else {
      out_ << fmt::format("  <file name=\"{}\">\n{}  </file>\n", XmlAttribute(file.display),
                          errors);
    }
  }

  void End(Summary& s) override {
    for (const ScanError& e : s.errors) {
      out_ << fmt::format(
          "  <file name=\"{}\">\n    <error severity=\"error\" message=\"{}\" "
          "source=\"pathfinder\"/>\n  </file>\n",
          XmlAttribute(e.file), XmlAttribute(e.message));
    }
    out_ << "</checkstyle>\n";
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeCheckstyleSink(std::ostream& out,
                                               const ReportOptions& /*options*/) {
  return std::make_unique<CheckstyleSink>(out);
}

}  // namespace pf::report
