#pragma once

// Which inline review comments to create, update or mark fixed. Pure
// functions over the findings, the diff and the comments already there.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "github/pull_request.h"

namespace pf::github {

// "<!-- cpf-RULE-path-line -->", naming a finding's comment across runs.
std::string InlineMarker(const PrFinding& finding);
// The first finding marker in a comment body, or nullopt.
std::optional<std::string> FindInlineMarker(std::string_view body);

// The comment for the findings that share one marker.
std::string InlineBody(const std::string& marker, const std::vector<PrFinding>& findings);
// The text a comment gets when its finding is gone; keeps the marker.
std::string FixedBody(const std::string& marker, std::string_view old_body,
                      const std::string& head_sha);
bool IsMarkedFixed(std::string_view body);

struct ReviewComment {
  std::int64_t id = 0;
  std::string body;
};

struct CommentEdit {
  std::int64_t id = 0;
  std::string body;
};

struct NewInlineComment {
  std::string path;
  int line = 0;
  std::string body;
  std::vector<PrFinding> findings;
};

struct InlinePlan {
  std::vector<NewInlineComment> create;
  std::vector<CommentEdit> update;      // a finding's comment whose text changed
  std::vector<CommentEdit> mark_fixed;  // comments whose finding is gone
  std::vector<PrFinding> not_inline;    // outside the diff, or over the limit
};

// path -> new-side lines the pull request shows.
using DiffLines = std::map<std::string, std::set<int>>;

InlinePlan PlanInline(const std::vector<PrFinding>& findings, const DiffLines& diff,
                      const std::vector<ReviewComment>& existing, const std::string& head_sha,
                      int max_new_comments);

}  // namespace pf::github
