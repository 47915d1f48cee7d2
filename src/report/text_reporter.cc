// Human-readable report: findings grouped by severity, each with an excerpt
// and a caret under the column, then a summary and the errors.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>
#include <vector>

#include "report/excerpt.h"
#include "report/reporter.h"

namespace pf::report {

namespace {

class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

 private:
  bool color_;
};

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "1;31";
    case Severity::kHigh:
      return "31";
    case Severity::kMedium:
      return "33";
    case Severity::kLow:
      return "34";
    case Severity::kInfo:
      return "36";
  }
  return "0";
}

void WriteExcerpt(const SourceFile& source, const Finding& f, const Style& style,
                  std::ostream& out) {
  Excerpt e = MakeExcerpt(source, f.range.start.line);
  int number_width = static_cast<int>(std::to_string(e.end_line).size());
  std::string_view color = SeverityColor(f.severity);
  for (int l = e.start_line; l <= e.end_line; ++l) {
    const std::string& raw = e.lines[static_cast<std::size_t>(l - e.start_line)];
    bool here = l == f.range.start.line;
    std::string marker = here ? style(color, ">") : " ";
    out << fmt::format("  {} {:>{}} | {}\n", marker, l, number_width, ExpandTabs(raw));
    if (!here) continue;
    std::size_t start = PrefixBytes(raw, f.range.start.column - 1);
    int pad = DisplayWidth(std::string_view(raw).substr(0, start));
    int width = 1;
    if (f.range.end.line == l && f.range.end.column > f.range.start.column) {
      std::size_t end = PrefixBytes(raw, f.range.end.column - 1);
      width = std::max(1, DisplayWidth(std::string_view(raw).substr(0, end)) - pad);
    } else if (f.range.end.line > l) {
      width = std::max(1, DisplayWidth(raw) - pad);  // runs on: underline the rest of the line
    }
    std::string underline = "^" + std::string(static_cast<std::size_t>(width - 1), '~');
    out << fmt::format("    {:>{}} | {}{}\n", "", number_width,
                       std::string(static_cast<std::size_t>(pad), ' '), style(color, underline));
  }
}

void WriteFinding(const SourceFile* source, const Finding& f, const Style& style,
                  std::ostream& out) {
  out << fmt::format("{} {}\n", style("1", fmt::format("[{}]", f.rule_id)),
                     style("1", f.rule_name));
  out << fmt::format("  {}\n", f.message);
  std::string where = fmt::format("{}:{}:{}", f.file, f.range.start.line, f.range.start.column);
  std::string details = style("4", where);
  if (!f.cwe.empty()) details += fmt::format("  {}", fmt::join(f.cwe, ", "));
  if (!f.service.empty()) details += fmt::format("  service: {}", f.service);
  out << fmt::format("  {}\n", details);
  if (source != nullptr) {
    out << "\n";
    WriteExcerpt(*source, f, style, out);
  }
  out << "\n";
}

// Groups by severity, so each finding is rendered (excerpt included) while
// its file's source is at hand and kept as text until the end.
class TextSink : public ReportSink {
 public:
  TextSink(std::ostream& out, bool color) : out_(out), style_(color) {}

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      if (f.suppression) continue;
      std::ostringstream block;
      WriteFinding(file.source.get(), f, style_, block);
      groups_[static_cast<std::size_t>(f.severity)].push_back(block.str());
    }
  }

  void End(Summary& s) override {
    if (s.total == 0) out_ << "No findings.\n\n";
    for (Severity sev : kAllSeverities) {
      const std::vector<std::string>& group = groups_[static_cast<std::size_t>(sev)];
      if (group.empty()) continue;
      std::string heading = fmt::format("{} ({})", SeverityLabel(sev), group.size());
      out_ << style_(SeverityColor(sev), heading) << "\n"
           << std::string(heading.size(), '=') << "\n\n";
      for (const std::string& block : group) out_ << block;
    }
    if (!s.errors.empty()) {
      out_ << style_("1", fmt::format("Errors ({})", s.errors.size())) << "\n";
      for (const ScanError& e : s.errors) out_ << fmt::format("  {}: {}\n", e.file, e.message);
      out_ << "\n";
    }
    if (!s.unused_suppressions.empty()) {
      out_ << style_("1", fmt::format("Unused suppressions ({})", s.unused_suppressions.size()))
           << "\n";
      for (const UnusedSuppression& u : s.unused_suppressions) {
        out_ << fmt::format("  {}:{}:{}: {} matches no finding\n", u.file, u.line, u.column,
                            u.rule_id);
      }
      out_ << "\n";
    }
    out_ << style_("1", "Summary") << "\n";
    std::vector<std::string> counts;
    for (Severity sev : kAllSeverities) {
      counts.push_back(
          fmt::format("{} {}", SeverityName(sev), s.by_severity[static_cast<std::size_t>(sev)]));
    }
    out_ << fmt::format("  Findings:      {} ({})\n", s.total, fmt::join(counts, ", "));
    if (s.suppressed_inline > 0 || s.suppressed_baseline > 0) {
      out_ << fmt::format("  Suppressed:    {} ({} inline, {} baseline)\n",
                          s.suppressed_inline + s.suppressed_baseline, s.suppressed_inline,
                          s.suppressed_baseline);
    }
    if (s.baseline_unmatched > 0) {
      out_ << fmt::format(
          "  Baseline:      {} entries no longer match (rewrite it with "
          "--write-baseline)\n",
          s.baseline_unmatched);
    }
    out_ << fmt::format("  Files scanned: {}\n", s.files_scanned);
    out_ << fmt::format("  Rules:         {}\n", s.rules_executed);
    if (!s.errors.empty()) out_ << fmt::format("  Errors:        {}\n", s.errors.size());
  }

 private:
  std::ostream& out_;
  Style style_;
  std::array<std::vector<std::string>, 5> groups_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeTextSink(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<TextSink>(out, options.color);
}

}  // namespace pf::report
