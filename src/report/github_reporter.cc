// GitHub Actions workflow commands, one annotation per reported finding:
//   ::warning file=Dockerfile,line=2,col=8,endLine=2,endColumn=10,title=...::message
// The runner splits the command at "::" and the properties at "," and "=",
// so values are escaped as it expects: in the message % CR LF become %25
// %0D %0A, and in properties ':' and ',' also become %3A and %2C. Paths are
// made relative to the repository root, which is what annotations name.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "core/severity.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

std::string EscapeData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

class GithubSink : public ReportSink {
 public:
  explicit GithubSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& info) override { prefix_ = info.repo_prefix; }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      std::string props =
          fmt::format("file={},line={}", EscapeProperty(Path(f.file)), f.range.start.line);
      // Columns are only allowed when the annotation stays on one line.
      bool one_line = f.range.end.line == f.range.start.line;
      if (one_line && f.range.start.column >= 1) {
        props += fmt::format(",col={}", f.range.start.column);
      }
      if (f.range.end.line >= f.range.start.line) {
        props += fmt::format(",endLine={}", f.range.end.line);
      }
      if (one_line && f.range.end.column > f.range.start.column) {
        props += fmt::format(",endColumn={}", f.range.end.column);
      }
      std::string title = fmt::format("{} {}", f.rule_id, f.rule_name);
      props += fmt::format(",title={}", EscapeProperty(title));
      out_ << fmt::format("::{} {}::{}\n", LevelWord(f.severity, "notice"), props,
                          EscapeData(f.message));
    }
  }

  void End(Summary& s) override {
    for (const ScanError& e : s.errors) {
      out_ << fmt::format("::error file={},title={}::{}\n", EscapeProperty(Path(e.file)),
                          EscapeProperty("pathfinder: file not scanned"), EscapeData(e.message));
    }
    out_.flush();
  }

 private:
  std::string Path(const std::string& file) const {
    return file.starts_with('/') ? file : prefix_ + file;
  }

  std::ostream& out_;
  std::string prefix_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeGithubSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<GithubSink>(out);
}

}  // namespace pf::report
