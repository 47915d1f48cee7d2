// JUnit XML as GitLab and Jenkins read it: one <testsuites> root, one
// <testsuite> per scanned file written when the file arrives (its counts
// are known then), one <testcase> per finding. A reported finding is a
// <failure>, a suppressed one <skipped>, and a file with neither is a
// single passing case so clean files count as passed. Files that could not
// be scanned come last, as a suite of <error> cases. The root carries no
// totals: they are known only at the end, and both readers sum the suites.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "report/reporter.h"
#include "report/xml.h"

namespace pf::report {

namespace {

std::string SuppressedText(const Suppression& s) {
  std::string where = s.kind == Suppression::Kind::kExternal ? "baseline" : "inline";
  if (!s.origin.empty()) where = s.origin;
  if (s.justification.empty()) return fmt::format("suppressed ({})", where);
  return fmt::format("suppressed ({}): {}", where, s.justification);
}

std::string TestCase(const FileReport& file, const Finding& f) {
  std::string name = fmt::format("{} {} at {}:{}", f.rule_id, f.rule_name, f.range.start.line,
                                 f.range.start.column);
  std::string open = fmt::format(
      "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">\n", XmlAttribute(name),
      XmlAttribute(file.display), XmlAttribute(f.file), f.range.start.line);
  if (f.suppression) {
    return open + fmt::format("      <skipped message=\"{}\"/>\n    </testcase>\n",
                              XmlAttribute(SuppressedText(*f.suppression)));
  }
  std::string details =
      fmt::format("{}:{}:{}: {} [{}] {}\n{}", f.file, f.range.start.line, f.range.start.column,
                  SeverityName(f.severity), f.rule_id, f.rule_name, f.message);
  if (!f.cwe.empty()) details += fmt::format("\n{}", fmt::join(f.cwe, ", "));
  if (!f.service.empty()) details += fmt::format("\nservice: {}", f.service);
  return open +
         fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                     XmlAttribute(f.message), SeverityName(f.severity), XmlText(details));
}

class JunitSink : public ReportSink {
 public:
  explicit JunitSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& /*info*/) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pathfinder\">\n";
  }

  void File(FileReport& file) override {
    if (!file.scanned) return;
    int failures = 0;
    int skipped = 0;
    std::string cases;
    for (const Finding& f : file.findings) {
      ++(f.suppression ? skipped : failures);
      cases += TestCase(file, f);
    }
    int tests = failures + skipped;
    if (tests == 0) {
      tests = 1;
      cases = fmt::format("    <testcase name=\"no findings\" classname=\"{}\" file=\"{}\"/>\n",
                          XmlAttribute(file.display), XmlAttribute(file.display));
    }
    out_ << fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}"
        "  </testsuite>\n",
        XmlAttribute(file.display), tests, failures, skipped, cases);
  }

  void End(Summary& s) override {
    if (!s.errors.empty()) {
      out_ << fmt::format(
          "  <testsuite name=\"files not scanned\" tests=\"{}\" failures=\"0\" errors=\"{}\" "
          "skipped=\"0\">\n",
          s.errors.size(), s.errors.size());
      for (const ScanError& e : s.errors) {
        out_ << fmt::format(
            "    <testcase name=\"scan\" classname=\"{}\" file=\"{}\">\n"
            "      <error message=\"{}\" type=\"scan error\"/>\n    </testcase>\n",
            XmlAttribute(e.file), XmlAttribute(e.file), XmlAttribute(e.message));
      }
      out_ << "  </testsuite>\n";
    }
    out_ << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeJunitSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<JunitSink>(out);
}

}  // namespace pf::report
