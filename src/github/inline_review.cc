#include "github/inline_review.h"

#include <algorithm>

#include "github/markdown.h"

namespace pf::github {
namespace {

constexpr std::string_view kMarkerStart = "<!-- cpf-";
constexpr std::string_view kMarkerEnd = " -->";
constexpr std::string_view kFixedMarker = "<!-- cpf-fixed -->";

// A path or rule id inside an HTML comment: "--" and ">" could end it early.
std::string MarkerSafe(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '>' || (c == '-' && !out.empty() && out.back() == '-')) {
      out += '_';
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// `body` without any finding or fixed marker, for quoting it.
std::string WithoutMarkers(std::string_view body) {
  std::string out(body);
  size_t at = 0;
  while ((at = out.find(kMarkerStart, at)) != std::string::npos) {
    size_t end = out.find(kMarkerEnd, at);
    if (end == std::string::npos) break;
    size_t stop = end + kMarkerEnd.size();
    if (stop < out.size() && out[stop] == '\n') ++stop;
    out.erase(at, stop - at);
  }
  return out;
}

}  // namespace

std::string InlineMarker(const PrFinding& f) {
  return std::string(kMarkerStart) + MarkerSafe(f.rule_id) + "-" + MarkerSafe(f.path) + "-" +
         std::to_string(f.line) + std::string(kMarkerEnd);
}

std::optional<std::string> FindInlineMarker(std::string_view body) {
  size_t at = 0;
  while ((at = body.find(kMarkerStart, at)) != std::string_view::npos) {
    size_t end = body.find(kMarkerEnd, at);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view marker = body.substr(at, end + kMarkerEnd.size() - at);
    if (marker != kFixedMarker) return std::string(marker);
    at = end;
  }
  return std::nullopt;
}

std::string InlineBody(const std::string& marker, const std::vector<PrFinding>& findings) {
  std::string body = marker + "\n";
  for (const PrFinding& f : findings) {
    body += SeverityIcon(f.severity) + " **" + SeverityLabel(f.severity) + "** \xC2\xB7 `" +
            f.rule_id + "`" + (f.rule_name.empty() ? "" : " \xC2\xB7 " + f.rule_name) + "\n\n" +
            f.message + "\n\n";
  }
  return body + "<sub>Code Pathfinder</sub>\n";
}

std::string FixedBody(const std::string& marker, std::string_view old_body,
                      const std::string& head_sha) {
  std::string quoted = WithoutMarkers(old_body);
  while (!quoted.empty() && quoted.back() == '\n') quoted.pop_back();
  return marker + "\n" + std::string(kFixedMarker) + "\n\xE2\x9C\x85 **Fixed in " + head_sha +
         "**: this finding is no longer reported.\n\n<details><summary>Previous comment</summary>"
         "\n\n" +
         quoted + "\n\n</details>\n";
}

bool IsMarkedFixed(std::string_view body) {
  return body.find(kFixedMarker) != std::string_view::npos;
}

InlinePlan PlanInline(const std::vector<PrFinding>& findings, const DiffLines& diff,
                      const std::vector<ReviewComment>& existing, const std::string& head_sha,
                      int max_new_comments) {
  // Findings grouped by marker, the most severe group first so that the
  // limit drops the least severe.
  std::vector<PrFinding> sorted = findings;
  std::stable_sort(sorted.begin(), sorted.end(), FindingBefore);
  std::vector<std::pair<std::string, std::vector<PrFinding>>> groups;
  std::map<std::string, size_t> group_of;
  for (const PrFinding& f : sorted) {
    std::string marker = InlineMarker(f);
    auto [it, inserted] = group_of.emplace(marker, groups.size());
    if (inserted) groups.push_back({marker, {}});
    groups[it->second].second.push_back(f);
  }

  // The oldest comment holding a marker is the finding's comment.
  std::map<std::string, const ReviewComment*> comment_of;
  for (const ReviewComment& c : existing) {
    std::optional<std::string> marker = FindInlineMarker(c.body);
    if (!marker) continue;
    auto [it, inserted] = comment_of.emplace(*marker, &c);
    if (!inserted && c.id < it->second->id) it->second = &c;
  }

  InlinePlan plan;
  std::set<std::string> live;
  int budget = std::max(max_new_comments, 0);
  for (auto& [marker, group] : groups) {
    const PrFinding& first = group.front();
    std::string body = InlineBody(marker, group);
    if (auto it = comment_of.find(marker); it != comment_of.end()) {
      live.insert(marker);
      if (it->second->body != body) plan.update.push_back({it->second->id, body});
      continue;
    }
    auto file = diff.find(first.path);
    bool on_diff = first.line > 0 && file != diff.end() && file->second.count(first.line) != 0;
    if (!on_diff || budget == 0) {
      plan.not_inline.insert(plan.not_inline.end(), group.begin(), group.end());
      continue;
    }
    --budget;
    plan.create.push_back({first.path, first.line, std::move(body), group});
  }
  for (const auto& [marker, comment] : comment_of) {
    if (live.count(marker) == 0 && !IsMarkedFixed(comment->body)) {
      plan.mark_fixed.push_back({comment->id, FixedBody(marker, comment->body, head_sha)});
    }
  }
  return plan;
}

}  // namespace pf::github
