#include "github/summary.h"

#include <algorithm>

#include "github/markdown.h"

namespace pf::github {
namespace {

constexpr size_t kMaxRows = 100;
constexpr size_t kMaxListChars = 40'000;  // per list, leaving room for the rest

std::vector<PrFinding> Sorted(std::vector<PrFinding> findings) {
  std::stable_sort(findings.begin(), findings.end(), FindingBefore);
  return findings;
}

std::string Location(const SummaryInput& input, const PrFinding& f) {
  std::string text = EscapeCell(f.path);
  if (f.line > 0) text += ":" + std::to_string(f.line);
  return "[" + text + "](" + BlobLink(input.web_url, input.repo, input.head_sha, f) + ")";
}

std::string Badges(const std::vector<PrFinding>& findings) {
  std::string out;
  for (const char* severity : {"critical", "high", "medium", "low", "info"}) {
    size_t count = std::count_if(findings.begin(), findings.end(),
                                 [&](const PrFinding& f) { return f.severity == severity; });
    if (!out.empty()) out += " \xC2\xB7 ";  // middle dot
    out += SeverityIcon(severity) + " **" + std::to_string(count) + " " + SeverityLabel(severity) +
           "**";
  }
  return out + "\n";
}

// Appends rows made by `row` until kMaxRows or kMaxListChars, then says how
// many were left out.
template <typename Row>
void AppendCapped(const std::vector<PrFinding>& findings, Row row, std::string* out) {
  size_t start = out->size();
  size_t shown = 0;
  for (const PrFinding& f : findings) {
    if (shown == kMaxRows || out->size() - start > kMaxListChars) break;
    *out += row(f);
    ++shown;
  }
  if (shown < findings.size()) {
    *out += "\n_" + std::to_string(findings.size() - shown) + " more not shown._\n";
  }
}

std::string Plural(size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

}  // namespace

std::string RenderSummary(const SummaryInput& input) {
  const std::vector<PrFinding> findings = Sorted(input.findings);
  const std::string short_sha = input.head_sha.substr(0, 7);
  std::string out = std::string(kSummaryMarker) + "\n## Code Pathfinder\n\n";
  out += Badges(findings) + "\n";
  if (findings.empty()) {
    out += "\xE2\x9C\x85 No findings in commit `" + short_sha + "`.\n";
  } else {
    out += "**" + Plural(findings.size(), "finding") + "** in commit `" + short_sha + "`.\n\n";
    out += "| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n";
    AppendCapped(
        findings,
        [&](const PrFinding& f) {
          return "| " + SeverityIcon(f.severity) + " " + SeverityLabel(f.severity) + " | `" +
                 EscapeCell(f.rule_id) + "` " + EscapeCell(f.rule_name) + " | " +
                 Location(input, f) + " | " + EscapeCell(f.message) + " |\n";
        },
        &out);
  }
  if (!input.not_inline.empty()) {
    out += "\n### Not commented inline\n\n" + Plural(input.not_inline.size(), "finding") +
           " could not be placed on lines this pull request changes:\n\n";
    AppendCapped(
        Sorted(input.not_inline),
        [&](const PrFinding& f) {
          return "- " + SeverityIcon(f.severity) + " `" + EscapeCell(f.rule_id) + "` " +
                 Location(input, f) + ": " + EscapeCell(f.message) + "\n";
        },
        &out);
  }
  out += "\n---\n<sub>Scanned " +
         Plural(static_cast<size_t>(std::max(input.files_scanned, 0)), "file") + " with " +
         Plural(static_cast<size_t>(std::max(input.rules_count, 0)), "rule");
  if (!input.tool_version.empty()) out += " \xC2\xB7 pathfinder " + EscapeCell(input.tool_version);
  out += "</sub>\n";
  return out;
}

}  // namespace pf::github
