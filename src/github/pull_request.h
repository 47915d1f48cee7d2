#pragma once

// Publishing a scan's findings on a GitHub pull request: one summary comment
// updated in place, and optionally inline review comments on changed lines.

#include <cstdint>
#include <string>
#include <vector>

#include "github/http_client.h"

namespace pf::github {

struct PrFinding {
  std::string rule_id;
  std::string rule_name;
  std::string severity;  // "critical", "high", "medium", "low" or "info"
  std::string path;      // relative to the repository root
  std::string message;
  std::string fingerprint;
  int line = 0;  // 1-based; 0 when the finding has no line
  int end_line = 0;
};

struct PrOptions {
  std::string api_url;  // GITHUB_API_URL; empty means https://api.github.com
  std::string token;
  std::string repo;  // owner/name
  int pr = 0;
  bool summary = true;
  bool inline_comments = false;
  int files_scanned = 0;
  int rules_count = 0;
  std::string tool_version;
  // Web address for links to files (GITHUB_SERVER_URL); empty derives it
  // from api_url: api.github.com -> github.com, HOST/api/v3 -> HOST.
  std::string server_url;
  std::string api_version = "2022-11-28";  // X-GitHub-Api-Version; empty sends none
  // New inline comments per run; the most severe go first, the rest are
  // listed in the summary.
  int max_inline_comments = 50;
};

struct PublishResult {
  // Everything that went wrong, one line each, never holding the token.
  std::vector<std::string> warnings;
  int created = 0;       // inline comments posted
  int updated = 0;       // inline comments whose text changed
  int marked_fixed = 0;  // inline comments whose finding is gone
  bool summary_created = false;
  bool summary_updated = false;  // false too when the summary text was unchanged
  int outside_diff = 0;          // findings listed in the summary instead of inline
};

// Posts or updates the summary (options.summary) and the inline review
// comments (options.inline_comments) for options.pr in options.repo:
//  1. GET the pull request for its head sha.
//  2. Inline: list the changed files (their patches give the diff lines) and
//     the existing review comments. Each finding has a marker
//     <!-- cpf-RULE-path-line -->; a comment with the marker is updated when
//     its text changed, new ones go in one review (event COMMENT) on diff
//     lines only, and comments whose finding is gone are marked fixed once.
//     All severities are commented inline: the lines are ones this pull
//     request changes, so every finding there is the author's to see. If
//     GitHub refuses the review (422), comments are posted one by one.
//  3. Summary: the issue comment holding <!-- code-pathfinder-summary --> is
//     updated, else one is created; it counts findings per severity, lists
//     them with links to the head commit, and lists those not commented
//     inline.
// Never throws: every failure becomes a warning, and the other steps go on
// when they can.
PublishResult PublishPullRequest(const PrOptions& options, const std::vector<PrFinding>& findings,
                                 HttpClient& http);

}  // namespace pf::github
