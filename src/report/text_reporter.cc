// Human-readable report: findings grouped by severity, each with an excerpt
// and a caret under the column, then a summary and the errors.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

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

void WriteFinding(const ScanResult& result, const Finding& f, const Style& style,
                  std::ostream& out) {
  out << fmt::format("{} {}\n", style("1", fmt::format("[{}]", f.rule_id)),
                     style("1", f.rule_name));
  out << fmt::format("  {}\n", f.message);
  std::string where = fmt::format("{}:{}:{}", f.file, f.range.start.line, f.range.start.column);
  std::string details = style("4", where);
  if (!f.cwe.empty()) details += fmt::format("  {}", fmt::join(f.cwe, ", "));
  if (!f.service.empty()) details += fmt::format("  service: {}", f.service);
  out << fmt::format("  {}\n", details);
  auto it = result.sources.find(f.file);
  if (it != result.sources.end() && it->second) {
    out << "\n";
    WriteExcerpt(*it->second, f, style, out);
  }
  out << "\n";
}

}  // namespace

void WriteText(const ScanResult& result, const ReportOptions& options, std::ostream& out) {
  Style style(options.color);
  std::map<Severity, std::vector<const Finding*>> groups;
  for (const Finding& f : result.findings) groups[f.severity].push_back(&f);

  if (result.findings.empty()) out << "No findings.\n\n";
  for (Severity s : kAllSeverities) {
    auto it = groups.find(s);
    if (it == groups.end()) continue;
    std::string heading = fmt::format("{} ({})", SeverityLabel(s), it->second.size());
    out << style(SeverityColor(s), heading) << "\n" << std::string(heading.size(), '=') << "\n\n";
    for (const Finding* f : it->second) WriteFinding(result, *f, style, out);
  }

  if (!result.errors.empty()) {
    out << style("1", fmt::format("Errors ({})", result.errors.size())) << "\n";
    for (const ScanError& e : result.errors) {
      out << fmt::format("  {}: {}\n", e.file, e.message);
    }
    out << "\n";
  }

  out << style("1", "Summary") << "\n";
  std::vector<std::string> counts;
  for (Severity s : kAllSeverities) {
    auto it = groups.find(s);
    counts.push_back(
        fmt::format("{} {}", SeverityName(s), it == groups.end() ? 0 : it->second.size()));
  }
  out << fmt::format("  Findings:      {} ({})\n", result.findings.size(), fmt::join(counts, ", "));
  out << fmt::format("  Files scanned: {}\n", result.files_scanned);
  out << fmt::format("  Rules:         {}\n", result.rules_executed);
  if (!result.errors.empty()) out << fmt::format("  Errors:        {}\n", result.errors.size());
}

}  // namespace pf::report
