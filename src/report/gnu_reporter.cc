// One diagnostic a line in the GNU style editors and compilation modes jump
// to: "file:line:col: severity: message [RULE-ID]". Severity words as GCC
// prints them: critical and high are errors, medium warnings, low and info
// notes. Line ends inside a message become spaces: one line is one finding.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "core/severity.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += (c == '\r' || c == '\n') ? ' ' : c;
  }
  return out;
}

class GnuSink : public ReportSink {
 public:
  explicit GnuSink(std::ostream& out) : out_(out) {}

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      out_ << fmt::format("{}:{}:{}: {}: {} [{}]\n", OneLine(f.file), f.range.start.line,
                          f.range.start.column, LevelWord(f.severity, "note"), OneLine(f.message),
                          f.rule_id);
    }
  }

  void End(Summary& s) override {
    for (const ScanError& e : s.errors) {
      out_ << fmt::format("{}: error: {}\n", OneLine(e.file), OneLine(e.message));
    }
    out_.flush();
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeGnuSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<GnuSink>(out);
}

}  // namespace pf::report
