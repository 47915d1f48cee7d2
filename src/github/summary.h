#pragma once

#include <string>
#include <vector>

#include "github/pull_request.h"

namespace pf::github {

inline constexpr char kSummaryMarker[] = "<!-- code-pathfinder-summary -->";

struct SummaryInput {
  std::string repo;
  std::string head_sha;
  std::string web_url;  // see WebUrl()
  int files_scanned = 0;
  int rules_count = 0;
  std::string tool_version;
  std::vector<PrFinding> findings;
  // Findings that have no inline comment although inline comments are on;
  // empty when they are off.
  std::vector<PrFinding> not_inline;
};

// The summary comment's Markdown, starting with kSummaryMarker. Long lists are
// cut so the body stays well under GitHub's 65536-character limit.
std::string RenderSummary(const SummaryInput& input);

}  // namespace pf::github
